import { randomUUID } from "node:crypto";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, mainMenu, test } from "./fixtures";
import { ageSecondFactor, createStaffFromShell, staffLogIn, typeAppCode } from "./staff";

test.describe("référentiels (administrateurs)", () => {
  test("une zone ajoutée est proposée aux candidats ; désactivée, elle ne l'est plus mais reste sur la candidature qui la porte ; import CSV avec aperçu", async ({
    page,
    browser,
    inboxUrl,
  }) => {
    test.setTimeout(180_000);
    const suffix = randomUUID().slice(0, 6).toUpperCase();
    const adminEmail = `referentiels-${suffix.toLowerCase()}@ac-lille.fr`;
    const secret = "Des bassins bien rangés, 2026 !";
    await createStaffFromShell(adminEmail, secret, "admin");
    const zone = `SAMBRE ${suffix} - BASSIN 14`;

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto("/admin/connexion");
    await staffLogIn(admin, adminEmail, secret);
    await (await mainMenu(admin)).getByRole("link", { name: "Référentiels" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Référentiels");
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Zones géographiques" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Zones géographiques");

    // A wrong département is refused in French, the rest of the form kept.
    const add = admin.getByRole("region", { name: /^Ajouter/ });
    await add.getByLabel(/^Code/).fill(`sambre${suffix}`);
    await add.getByLabel(/^Libellé/).fill(zone);
    await add.getByLabel(/^Département/).fill("599");
    await add.getByRole("button", { name: "Ajouter" }).click();
    await expect(add.getByRole("alert")).toContainText("Indiquez le numéro du département : 59, 62, 2A…");
    await expect(add.getByLabel(/^Libellé/)).toHaveValue(zone);
    await add.getByLabel(/^Département/).fill("59");
    await add.getByRole("button", { name: "Ajouter" }).click();
    await expect(add.getByRole("status")).toContainText(`« ${zone} » ajouté en fin de liste.`);
    await expect(admin.getByRole("row").filter({ hasText: zone })).toContainText(`SAMBRE${suffix}`);
    await expectAccessible(admin);

    // The candidate's form offers it; the application holds it.
    await registerAndActivate(page, inboxUrl, `bassin-${suffix.toLowerCase()}@exemple.fr`, "Maëlle");
    await page.goto("/candidatures/nouvelle");
    await page.getByLabel("Ajouter une zone").selectOption({ label: zone });
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText("Votre candidature est enregistrée.")).toBeVisible();
    const holds = page.getByRole("region", { name: "Zones géographiques souhaitées" }).getByRole("listitem");
    await expect(holds).toHaveText([zone]);
    const applicationUrl = page.url();

    // The admin deactivates it, after a confirmation.
    await admin.getByRole("link", { name: zone }).click();
    await expect(admin.getByText("1 utilisation")).toBeVisible();
    await admin.getByRole("button", { name: `Désactiver « ${zone} »` }).click();
    const dialog = admin.getByRole("dialog", { name: `Désactiver « ${zone} » ?` });
    await expect(dialog).toContainText("Le dossier qui le porte le garde et l'affiche");
    await dialog.getByRole("button", { name: "Désactiver" }).click();
    await expect(admin.getByRole("status")).toContainText("Désactivé : les candidats ne le voient plus");
    await expectAccessible(admin);

    // Another candidate no longer sees it; the first one's application still shows it.
    const newcomerContext = await browser.newContext();
    const newcomer = await newcomerContext.newPage();
    await registerAndActivate(newcomer, inboxUrl, `nouveau-${suffix.toLowerCase()}@exemple.fr`, "Inès");
    await newcomer.goto("/candidatures/nouvelle");
    await expect(newcomer.getByLabel("Ajouter une zone").getByRole("option", { name: "CAMBRESIS - BASSIN 9" })).toHaveCount(1);
    await expect(newcomer.getByLabel("Ajouter une zone").getByRole("option", { name: zone })).toHaveCount(0);
    await newcomerContext.close();
    await page.goto(applicationUrl);
    await expect(holds).toHaveText([zone]);

    // Zones from a file: a wrong line stops everything; a good file is previewed, then applied.
    await admin.goto("/admin/referentiels/zones");
    const imported = `AVESNOIS ${suffix} - BASSIN 15`;
    const form = admin.getByRole("region", { name: "Importer des zones depuis un fichier" });
    await form.getByLabel("Fichier CSV des zones").setInputFiles({
      name: "zones.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`code;libellé;département\nAVESNOIS${suffix};${imported};59\n;SANS CODE;62\n`, "utf8"),
    });
    await form.getByRole("button", { name: "Voir l'aperçu" }).click();
    await expect(form.getByRole("alert")).toContainText("Rien n'a été importé");
    await expect(form.getByRole("alert")).toContainText("Ligne 3 : Indiquez le code.");
    await expect(form.getByRole("button", { name: /^Importer/ })).toHaveCount(0);

    // Excel's "CSV (séparateur : point-virgule)" is Windows-1252.
    await form.getByLabel("Fichier CSV des zones").setInputFiles({
      name: "zones.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Code;Libellé;Département\r\nAVESNOIS${suffix};${imported};59\r\n`, "latin1"),
    });
    await form.getByRole("button", { name: "Voir l'aperçu" }).click();
    await expect(form.getByRole("table", { name: "Aperçu de l'import" }).getByRole("row").filter({ hasText: imported })).toContainText("création");
    await expect(admin.getByRole("row").filter({ hasText: imported })).toHaveCount(1);
    await form.getByRole("button", { name: "Importer cette ligne" }).click();
    await expect(form.getByRole("status")).toContainText("Import terminé : 1 zone ajoutée ou mise à jour, inscrit au journal.");
    await admin.reload();
    await expect(admin.getByRole("table", { name: /^Zones géographiques/ }).getByRole("row").filter({ hasText: imported })).toContainText("Proposé");
    await expectAccessible(admin);

    // Changing one's factors asks for a second factor given in the last 15 minutes.
    await ageSecondFactor(adminEmail, 20);
    await (await mainMenu(admin)).getByRole("link", { name: "Sécurité" }).click();
    await expect(admin.getByRole("button", { name: "Ajouter une clé d'accès" })).toHaveCount(0);
    await admin.getByRole("link", { name: "Confirmer mon identité" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Confirmez votre identité");
    await typeAppCode(admin, adminEmail);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Sécurité de mon compte");
    await expect(admin.getByRole("button", { name: "Ajouter une clé d'accès" })).toBeVisible();
    await expectAccessible(admin);
    await adminContext.close();
  });
});
