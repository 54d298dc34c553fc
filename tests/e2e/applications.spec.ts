import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { addMonths, formatFrenchDate, todayIso } from "@/lib/format/date";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, mainMenu, test } from "./fixtures";
import { e2eBaseUrl } from "./ports";

const postType = "AESH EN PIAL INTER-DEGRE";

test.describe("candidatures", () => {
  test("déposer une candidature, joindre la pièce d'identité, modifier l'ordre des zones, la supprimer", async ({ page, browser, inboxUrl }) => {
    test.setTimeout(90_000);
    const email = `candidature-${randomUUID().slice(0, 8)}@exemple.fr`;
    await registerAndActivate(page, inboxUrl, email, "Camille");

    // Every request body the browser sends, by destination: file bytes must go to storage only.
    const bodies: { url: string; method: string; size: number }[] = [];
    page.on("requestfinished", async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) bodies.push({ url: request.url(), method: request.method(), size: sizes.requestBodySize });
    });

    await (await mainMenu(page)).getByRole("link", { name: "Mes candidatures" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes candidatures");
    await expect(page.getByText("Vous n'avez pas encore de candidature")).toBeVisible();
    await page.getByRole("link", { name: "Ajouter une candidature" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ma candidature ${postType}`);

    await expect(page.getByRole("radio", { name: postType })).toBeChecked();
    await page.getByLabel(/^Choix 1/).selectOption({ label: "AESH" });
    await page.getByLabel(/^Choix 2/).selectOption({ label: "AESH" });
    for (const zone of ["DOUAIS - BASSIN 6", "CAMBRESIS - BASSIN 9"]) {
      await page.getByLabel("Ajouter une zone").selectOption({ label: zone });
      await page.getByRole("button", { name: "Ajouter cette zone" }).click();
    }
    // Wishes are ordered by keyboard-usable buttons, and the new rank is announced.
    await page.getByRole("button", { name: "Monter : CAMBRESIS - BASSIN 9" }).click();
    await expect(page.getByText("« CAMBRESIS - BASSIN 9 » est maintenant en position 1 sur 2.")).toBeAttached();
    await expect(page.getByRole("list", { name: /^Zones géographiques souhaitées/ }).getByRole("listitem")).toHaveText([/CAMBRESIS - BASSIN 9/, /DOUAIS - BASSIN 6/]);
    await page.getByLabel("Ajouter une quotité").selectOption({ label: "Temps plein" });
    await page.getByRole("button", { name: "Ajouter cette quotité" }).click();
    await page.getByRole("radio", { name: "Je ne souhaite pas répondre" }).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Valider" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ma candidature ${postType}`);
    await expect(page.getByText("Votre candidature est enregistrée.")).toBeVisible();
    await expect(page.getByText("Votre candidature n'est pas complète et ne pourra être traitée par notre service.")).toBeVisible();
    await expect(page.getByText("Veuillez joindre : Pièce d'identité")).toBeVisible();
    await expect(page.getByText("ATTENTION !!")).toBeVisible();
    await expect(page.getByRole("region", { name: "Zones géographiques souhaitées" }).getByRole("listitem")).toHaveText(["CAMBRESIS - BASSIN 9", "DOUAIS - BASSIN 6"]);

    await expectAccessible(page);
    const pdf = samplePdf(4_000_000);
    const identity = { name: "piece-identite.pdf", mimeType: "application/pdf", buffer: pdf };

    // On a slow line (uploads throttled to 128 ko/s: 30 s for this file) the progress shows, and the upload can be cancelled.
    const network = await page.context().newCDPSession(page);
    await network.send("Network.enable");
    await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 128 * 1024 });
    await page.getByLabel("Ajouter : Pièce d'identité").setInputFiles(identity);
    await expect(page.getByRole("progressbar", { name: "Envoi du fichier : Pièce d'identité" })).toBeVisible();
    await expect(page.getByText(/^Envoi de « piece-identite\.pdf » : \d+ % \(/)).toBeVisible();
    await page.getByRole("button", { name: "Annuler l'envoi" }).click();
    await expect(page.getByText("Envoi annulé : aucun fichier n'a été enregistré.")).toBeVisible();
    await expect(page.getByText("Veuillez joindre : Pièce d'identité")).toBeVisible();
    await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await page.getByLabel("Ajouter : Pièce d'identité").setInputFiles(identity);
    await expect(page.getByRole("progressbar", { name: "Envoi du fichier : Pièce d'identité" })).toBeVisible();
    await expect(page.getByText("« piece-identite.pdf » est enregistré.")).toBeVisible();
    await expect(page.getByText("Votre candidature est complète et pourra être étudiée par nos services.")).toBeVisible();
    const validUntil = formatFrenchDate(addMonths(todayIso(), 6));
    await expect(page.getByText(`Votre candidature est valable jusqu'au ${validUntil}`)).toBeVisible();
    await expect(page.getByText("ATTENTION !!")).toBeHidden();

    // The bytes went to storage, never to the app server.
    // The bytes went to storage in one POST, never to the app server: every request body the
    // app received is a few kilobytes (Chromium does not report the size of a file body, so
    // the download below proves what storage holds).
    const toApp = bodies.filter((body) => body.url.startsWith(e2eBaseUrl));
    expect(bodies.some((body) => body.method === "POST" && !body.url.startsWith(e2eBaseUrl))).toBe(true);
    expect(Math.max(...toApp.map((body) => body.size))).toBeLessThan(20_000);

    // The owner downloads the very bytes they sent, under the file's own name.
    const download = page.waitForEvent("download");
    // The link says what it does before it is followed: a download, of a PDF, of this size.
    await expect(page.getByRole("link", { name: "piece-identite.pdf (télécharger le PDF, 3,8 Mo)" })).toBeVisible();
    await page.getByRole("link", { name: "piece-identite.pdf" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("piece-identite.pdf");
    expect(Buffer.compare(await readFile((await file.path())!), pdf)).toBe(0);

    // Another candidate gets "not found" for this application and this file.
    const applicationPath = new URL(page.url()).pathname;
    const filePath = (await page.getByRole("link", { name: "piece-identite.pdf" }).getAttribute("href"))!;
    const other = await browser.newPage();
    await registerAndActivate(other, inboxUrl, `autre-${randomUUID().slice(0, 8)}@exemple.fr`, "Dominique");
    expect((await other.goto(applicationPath))?.status()).toBe(404);
    await expect(other.getByRole("heading", { level: 1 })).toContainText("introuvable");
    expect((await other.goto(`${applicationPath}/modifier`))?.status()).toBe(404);
    expect((await other.goto(filePath))?.status()).toBe(404);
    await other.close();

    await page.getByRole("link", { name: "Modifier" }).click();
    await expect(page.getByText("Modifier votre candidature")).toBeVisible();
    await page.getByRole("button", { name: "Descendre : CAMBRESIS - BASSIN 9" }).click();
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText("Votre candidature est enregistrée.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Zones géographiques souhaitées" }).getByRole("listitem")).toHaveText(["DOUAIS - BASSIN 6", "CAMBRESIS - BASSIN 9"]);

    await page.getByRole("link", { name: "Retour" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes candidatures");
    await expect(page.getByText(`Vous avez candidaté pour la discipline ${postType}`)).toBeVisible();
    await page.getByRole("button", { name: `Supprimer la candidature ${postType}` }).click();
    const dialog = page.getByRole("dialog", { name: `Supprimer la candidature ${postType} ?` });
    await expect(dialog).toContainText("vos pièces jointes (Pièce d'identité)");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Supprimer définitivement" }).click();
    await expect(page.getByText("Votre candidature a été supprimée, avec ses pièces jointes.")).toBeVisible();
    await expect(page.getByText("Vous n'avez pas encore de candidature")).toBeVisible();
  });
});
