import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { inboxClient } from "../support/inbox";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, test } from "./fixtures";
import { e2eEnvFile } from "./ports";
import { createStaffFromShell, signedInStaff, staffLogIn } from "./staff";

const postType = "AESH EN PIAL INTER-DEGRE";

test.describe("espace de gestion", () => {
  test("un gestionnaire filtre, ouvre une candidature et son PDF, écrit au candidat qui répond, la retient, exporte ; un candidat n'y a pas accès", async ({
    page,
    browser,
    inboxUrl,
    consoleErrors,
  }) => {
    test.setTimeout(180_000);
    const inbox = inboxClient(inboxUrl);
    const email = `retenue-${randomUUID().slice(0, 8)}@exemple.fr`;

    // A candidate files an application whose first wish is CAMBRESIS, with an identity document.
    await registerAndActivate(page, inboxUrl, email, "Maëlys");
    await page.goto("/candidatures/nouvelle");
    await page.getByLabel(/^Choix 1/).selectOption({ label: "AESH" });
    await page.getByLabel("Ajouter une zone").selectOption({ label: "CAMBRESIS - BASSIN 9" });
    await page.getByLabel("Ajouter une quotité").selectOption({ label: "Temps plein" });
    await page.getByRole("radio", { name: "Oui" }).check();
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page).toHaveURL(/\/candidatures\/[0-9a-f-]{36}\?enregistree=1$/);
    const applicationPath = new URL(page.url()).pathname;
    const applicationId = applicationPath.split("/").pop()!;
    await page.getByLabel("Ajouter : Pièce d'identité").setInputFiles({ name: "piece-identite.pdf", mimeType: "application/pdf", buffer: samplePdf(30_000) });
    await expect(page.getByText("« piece-identite.pdf » est enregistré.")).toBeVisible();

    // An admin of the académie creates the gestionnaire's account from a shell.
    const staffEmail = `agent-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    const staffPassword = "Un gestionnaire attentif, 2026 !";
    expect(await createStaffFromShell(staffEmail, staffPassword, "gestionnaire")).toContain("Compte gestionnaire créé");

    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await staff.goto("/admin/candidatures");
    await expect(staff).toHaveURL(/\/admin\/connexion\?suivant=%2Fadmin%2Fcandidatures/);
    await expectAccessible(staff);
    await staffLogIn(staff, staffEmail, staffPassword);
    await expect(staff).toHaveURL(/\/admin\/candidatures$/);
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Candidatures");

    // Filters travel in the URL.
    await staff.getByLabel("Zone", { exact: true }).selectOption({ label: "CAMBRESIS - BASSIN 9" });
    await staff.getByLabel(/^Rechercher/).fill(email);
    await staff.getByRole("button", { name: "Filtrer" }).click();
    await expect(staff).toHaveURL(/[?&]zone=[0-9a-f-]{36}/);
    await expect(staff.getByRole("status").filter({ hasText: "correspond" })).toHaveText("1 candidature correspond aux filtres");
    await expect(staff.getByRole("row").filter({ hasText: "Maëlys FLANDIN" })).toContainText("Déposée (complète)");
    // RQTH is never a column.
    await expect(staff.getByRole("columnheader", { name: /RQTH/ })).toHaveCount(0);
    await expectAccessible(staff);
    const listUrl = staff.url();
    await staff.getByRole("link", { name: "Maëlys FLANDIN" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Maëlys FLANDIN");
    await expect(staff.getByText("Candidature 1 sur 1")).toBeVisible();
    await expect(staff.getByRole("region", { name: "Vœux" })).toContainText("CAMBRESIS - BASSIN 9");
    // RQTH behind its notice, shown on request only.
    await expect(staff.getByRole("region", { name: /Reconnaissance de la qualité/ })).not.toContainText("Oui");
    await staff.getByRole("button", { name: "Afficher la réponse du candidat" }).click();
    await expect(staff.getByRole("region", { name: /Reconnaissance de la qualité/ })).toContainText("Réponse du candidat : Oui");
    await expect(staff).not.toHaveURL(/rqth/);
    await expectAccessible(staff);

    // The PDF, through a logged one-minute link.
    const pdfHref = await staff.getByRole("link", { name: /piece-identite\.pdf \(télécharger le PDF/ }).getAttribute("href");
    const pdf = await staff.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await staff.reload();
    await expect(staff.getByRole("region", { name: "Historique" })).toContainText("Fichier ouvert : piece-identite.pdf");

    // A message: the candidate is mailed, reads it in their space and answers.
    await staff.getByLabel("Écrire au candidat").fill("Bonjour, votre pièce d'identité est illisible : pouvez-vous la déposer de nouveau ?");
    await staff.getByRole("button", { name: "Envoyer le message" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Message envoyé" })).toBeFocused();
    const notice = await inbox.waitFor(email, (m) => m.subject === "AcloE – Un message du service de recrutement vous attend");
    // Their dashboard says so and leads to it; once it is read, the dashboard says nothing more.
    await page.goto("/tableau-de-bord");
    await page.getByRole("link", { name: /Un nouveau message du service de recrutement au sujet de votre candidature AESH/ }).click();
    await expect(page.getByRole("region", { name: "Messages" })).toContainText("votre pièce d'identité est illisible");
    await page.goto("/tableau-de-bord");
    await expect(page.getByRole("heading", { name: "Et maintenant ?" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Messages" })).toHaveCount(0);
    await page.goto(new URL(/http\S+\/candidatures\/[\w-]+#messages/.exec(notice.text)![0]).pathname);
    await expect(page.getByRole("region", { name: "Messages" })).toContainText("votre pièce d'identité est illisible");
    await page.getByLabel("Répondre au service de recrutement").fill("Bonjour, je la dépose de nouveau ce soir.");
    await page.getByRole("button", { name: "Envoyer", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Votre réponse est envoyée" })).toBeVisible();
    await staff.goto("/admin");
    await expect(staff.getByRole("link", { name: /Avec des messages non lus/ })).toBeVisible();
    await staff.goto(`/admin/candidatures?non_lus=1&q=${encodeURIComponent(email)}`);
    await expect(staff.getByRole("row").filter({ hasText: "Maëlys FLANDIN" })).toContainText("1 non lu");
    await staff.getByRole("link", { name: "Maëlys FLANDIN" }).click();
    await expect(staff.getByRole("region", { name: /Messages avec le candidat/ })).toContainText("je la dépose de nouveau ce soir");

    // Retenue, with a reason the candidate reads.
    await staff.getByLabel("Nouveau statut").selectOption({ label: "Retenue" });
    await staff.getByLabel("Motif").fill("Affectation envisagée dans le Cambrésis à la rentrée.");
    await staff.getByRole("button", { name: "Changer le statut…" }).click();
    const confirm = staff.getByRole("dialog", { name: "Changer le statut d'une candidature en « Retenue » ?" });
    await expect(confirm).toBeVisible();
    await expectAccessible(staff);
    await confirm.getByRole("button", { name: "Confirmer" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "1 candidature a changé de statut" })).toBeVisible();
    const decision = await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre candidature AESH est retenue");
    // The reason is read in the candidate's space, not in a mailbox.
    expect(decision.text).not.toContain("Cambrésis");
    await page.goto("/candidatures");
    await expect(page.getByText("Statut : Retenue")).toBeVisible();
    await page.goto(applicationPath);
    await expect(page.getByText("Affectation envisagée dans le Cambrésis à la rentrée.")).toBeVisible();

    // The XLSX export of the filtered list opens with the expected row.
    await staff.goto(listUrl);
    const download = staff.waitForEvent("download");
    await staff.getByRole("button", { name: "Exporter en XLSX" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^candidatures-aesh-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet("Candidatures")!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1).map((cell) => String(cell ?? "")));
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    expect(header).not.toContain("RQTH");
    expect(rows[1]![header.indexOf("Courriel")]).toBe(email);
    expect(rows[1]![header.indexOf("Statut")]).toBe("Retenue");
    expect(rows[1]![header.indexOf("Zones géographiques souhaitées")]).toBe("1. CAMBRESIS - BASSIN 9");
    await staffContext.close();

    // The candidate: nothing under /admin exists for them.
    consoleErrors.allow(/HTTP 404/);
    const fileId = pdfHref!.split("/").pop();
    for (const path of [
      "/admin",
      "/admin/connexion",
      "/admin/candidatures",
      `/admin/candidatures/${applicationId}`,
      `/admin/candidatures/${applicationId}/dossier`,
      "/admin/candidats",
      "/admin/candidats/renouvellements",
      `/admin/fichiers/${fileId}`,
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
    expect((await page.request.post("/admin/candidatures/export", { form: { format: "csv" } })).status()).toBe(404);
    await page.goto(applicationPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ma candidature ${postType}`);
  });
  test("trie par nom de famille puis prénom, accents compris, et parcourt la liste dans cet ordre", async ({ browser }) => {
    const token = randomUUID().slice(0, 8).replace(/\d/g, "x");
    const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string };
    const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
    try {
      // Three candidates, whose applications came neither in the alphabetical order nor in its reverse.
      const people: [string, string, number][] = [["Léa", `Zorn${token}`, 2], ["Anne", `Fabre${token}`, 1], ["Bruno", `Élie${token}`, 3]];
      for (const [index, [firstName, birthName, minutesAgo]] of people.entries()) {
        await sql`
          with person as (
            insert into users (identifier, email, password_hash, first_name, birth_name)
            values (${`tri-${index}-${token}@exemple.fr`}, ${`tri-${index}-${token}@exemple.fr`}, 'e2e:not-a-hash', ${firstName}, ${birthName})
            returning id
          )
          insert into applications (user_id, post_type_id, valid_until, submitted_at)
          select person.id, post_types.id, current_date + 180, now() - make_interval(mins => ${minutesAgo})
          from person, post_types where post_types.label = ${postType}`;
      }
      const staff = await signedInStaff(browser, `tri-${token}@ac-lille.fr`, "Un tri alphabétique, 2026 !", "admin");
      const page = await staff.newPage();
      const names = () => page.getByRole("table").getByRole("link", { name: new RegExp(token, "i") }).allTextContents();
      await page.goto(`/admin/candidatures?q=${token}`);
      // The list opens newest first.
      expect(await names()).toEqual([`Anne FABRE${token.toUpperCase()}`, `Léa ZORN${token.toUpperCase()}`, `Bruno ÉLIE${token.toUpperCase()}`]);
      await page.getByRole("link", { name: /^Candidat \(/ }).click();
      await expect(page).toHaveURL(/tri=nom/);
      // « Élie » among the E, not after Z.
      expect(await names()).toEqual([`Bruno ÉLIE${token.toUpperCase()}`, `Anne FABRE${token.toUpperCase()}`, `Léa ZORN${token.toUpperCase()}`]);
      await page.getByRole("link", { name: /^Candidat \(/ }).click();
      await expect(page).toHaveURL(/tri=-nom/);
      expect(await names()).toEqual([`Léa ZORN${token.toUpperCase()}`, `Anne FABRE${token.toUpperCase()}`, `Bruno ÉLIE${token.toUpperCase()}`]);
      await page.getByRole("link", { name: `Anne FABRE${token.toUpperCase()}` }).click();
      await expect(page.getByText("Candidature 2 sur 3")).toBeVisible();
      await page.getByRole("link", { name: "Suivante ›" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bruno ÉLIE${token.toUpperCase()}`);
      await expect(page.getByText("Candidature 3 sur 3")).toBeVisible();
      await staff.close();
    } finally {
      await sql`delete from users where identifier like ${`tri-%-${token}@exemple.fr`}`;
      await sql.end();
    }
  });
});
