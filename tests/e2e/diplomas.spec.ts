import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, mainMenu, test } from "./fixtures";

/** The file a "download" link gives, as bytes. */
async function download(page: Page, linkName: string): Promise<Buffer> {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  return readFile((await (await event).path())!);
}

test.describe("diplômes", () => {
  test("ajouter un Bac Pro avec son PDF, changer la ville, remplacer le fichier par des photos, le supprimer", async ({ page, inboxUrl }) => {
    test.setTimeout(90_000);
    await registerAndActivate(page, inboxUrl, `diplome-${randomUUID().slice(0, 8)}@exemple.fr`, "Maxime");
    await (await mainMenu(page)).getByRole("link", { name: "Mes diplômes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes diplômes");
    await expect(page.getByText("Vous n'avez indiqué aucun diplôme")).toBeVisible();
    await expect(page.getByText("Les PDF ne doivent pas excéder 20 Mo", { exact: false })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Ajouter un diplôme" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter un diplôme");

    await page.getByLabel(/^Libellé/).fill("Bac Pro ASSP");
    await page.getByLabel(/^Type de diplôme/).selectOption({ label: "Bac Pro (niveau 4)" });
    await page.getByLabel("Date d'obtention (JJ/MM/AAAA)").fill("31/02/2020");
    await page.getByLabel(/^Etablissement/).fill("Lycée Pasteur");
    await expect(page.getByLabel(/^Pays/)).toHaveValue("FR");
    await page.getByLabel(/^Ville/).fill("Lille");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.locator("#obtainedOn-erreur")).toHaveText("Indiquez une date réelle au format JJ/MM/AAAA, par exemple 01/07/2015.");
    await expect(page.getByLabel(/^Libellé/)).toHaveValue("Bac Pro ASSP");

    await page.getByLabel("Date d'obtention (JJ/MM/AAAA)").fill("01/01/2000");
    const scan = samplePdf(200_000, "Bac Pro");
    await page.getByLabel("Choisir un PDF : diplôme").setInputFiles({ name: "bac-pro.pdf", mimeType: "application/pdf", buffer: scan });
    await expect(page.getByText("Nouveau fichier : bac-pro.pdf")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Valider" }).click();

    await expect(page.getByText("Votre diplôme est enregistré.")).toBeVisible();
    const card = page.getByRole("article", { name: "Bac Pro ASSP" });
    await expect(card.getByRole("heading", { name: "Bac Pro ASSP" })).toBeVisible();
    await expect(card).toContainText("Type de diplôme obtenu : Bac Pro Date d'obtention : 01/01/2000");
    await expect(card).toContainText("Etablissement d'obtention");
    await expect(card).toContainText("Pays : FRANCE Ville : Lille Etablissement : Lycée Pasteur");
    expect(Buffer.compare(await download(page, "bac-pro.pdf"), scan)).toBe(0);

    // Modify the city and replace the scan by two photos, assembled into one PDF in the browser.
    await card.getByRole("link", { name: "Modifier le diplôme Bac Pro ASSP" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifier un diplôme");
    await expect(page.getByText("Fichier actuel : bac-pro.pdf")).toBeVisible();
    await page.getByLabel(/^Ville/).fill("Douai");
    const photos = [
      { name: "recto.png", mimeType: "image/png", buffer: await page.screenshot() },
      { name: "verso.png", mimeType: "image/png", buffer: await page.screenshot({ fullPage: true }) },
    ];
    await page.getByLabel("Prendre ou choisir des photos : diplôme").setInputFiles(photos);
    await expect(page.getByText("Nouveau fichier : diplome-photos.pdf")).toBeVisible();
    await page.getByRole("button", { name: "Valider" }).click();

    await expect(page.getByText("Votre diplôme est enregistré.")).toBeVisible();
    await expect(card).toContainText("Ville : Douai");
    await expect(card.getByRole("link", { name: "bac-pro.pdf" })).toHaveCount(0);
    const assembled = await download(page, "diplome-photos.pdf");
    expect(assembled.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await PDFDocument.load(assembled)).getPageCount()).toBe(2);

    await card.getByRole("button", { name: "Supprimer le diplôme Bac Pro ASSP" }).click();
    const dialog = page.getByRole("dialog", { name: "Supprimer le diplôme « Bac Pro ASSP » ?" });
    await expect(dialog).toContainText("et son fichier (diplome-photos.pdf)");
    await dialog.getByRole("button", { name: "Supprimer définitivement" }).click();
    await expect(page.getByText("Le diplôme a été supprimé, avec son fichier.")).toBeVisible();
    await expect(page.getByText("Vous n'avez indiqué aucun diplôme")).toBeVisible();
  });
});
