import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import postgres from "postgres";
import { addMonths, formatFrenchDate, todayIso } from "@/lib/format/date";
import { inboxClient } from "../support/inbox";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { password, registerAndActivate } from "./candidates";
import { expect, test } from "./fixtures";
import { e2eEnvFile } from "./ports";

// Keyboard only: fields are reached by focus and typed into, lists are chosen as with arrow
// keys, buttons are pressed with Enter. After every save, the focus must be on its message.

async function type(field: Locator, text: string) {
  await field.focus();
  await field.page().keyboard.type(text);
}

async function press(control: Locator) {
  await control.focus();
  await control.page().keyboard.press("Enter");
}

async function expectFocusOn(page: Page, text: string | RegExp) {
  await expect(page.locator(":focus")).toContainText(text);
}

test.describe("au clavier seulement", () => {
  test("inscription → candidature → pièce jointe → diplôme → compte : le message de chaque enregistrement reçoit le focus", async ({ page, inboxUrl }) => {
    test.setTimeout(120_000);
    const email = `clavier-${randomUUID().slice(0, 8)}@exemple.fr`;
    await page.goto("/inscription");
    await type(page.getByLabel(/^Courriel/), email);
    await type(page.getByLabel("Confirmez votre courriel"), email);
    await type(page.getByLabel(/^Mot de passe/), password);
    await type(page.getByLabel("Confirmez votre mot de passe"), password);
    await press(page.getByRole("button", { name: "Valider" }));
    await expectFocusOn(page, "points sont à corriger");

    await page.getByLabel("Civilité").selectOption("monsieur");
    await type(page.getByLabel("Nom patronymique"), "Martin");
    await type(page.getByLabel(/^Prénom/), "Dominique");
    await type(page.getByLabel("Date de naissance"), "03 02 1985");
    await type(page.getByLabel("Lieu de naissance"), "Arras");
    await page.getByLabel("Nationalité").selectOption("FR");
    await type(page.getByLabel(/^Mot de passe/), password);
    await type(page.getByLabel("Confirmez votre mot de passe"), password);
    await press(page.getByRole("button", { name: "Valider" }));
    await expectFocusOn(page, `Un message vient d'être envoyé à ${email}`);

    const mail = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject.includes("Confirmez votre adresse"));
    await page.goto(new URL(/http\S+\/verification\/[\w-]+/.exec(mail.text)![0]).pathname);
    await press(page.getByRole("button", { name: "Activer mon espace candidat" }));
    await expect(page).toHaveURL(/\/tableau-de-bord/);
    await expectFocusOn(page, "Votre adresse électronique est confirmée");

    await page.goto("/candidatures/nouvelle");
    await page.getByLabel(/^Choix 1/).selectOption({ label: "AESH" });
    const zones = page.getByLabel("Ajouter une zone");
    await zones.selectOption({ label: "DOUAIS - BASSIN 6" });
    await zones.press("Enter");
    await expect(page.getByText("« DOUAIS - BASSIN 6 » ajouté en position 1 sur 1.")).toBeAttached();
    await expect(zones).toBeFocused();
    await page.getByLabel("Ajouter une quotité").selectOption({ label: "Temps plein" });
    await press(page.getByRole("button", { name: "Valider" }));
    await expect(page).toHaveURL(/\/candidatures\/[\w-]+\?enregistree=1/);
    await expectFocusOn(page, "Votre candidature est enregistrée.");

    const chooser = page.waitForEvent("filechooser");
    await press(page.getByLabel("Ajouter : Pièce d'identité"));
    await (await chooser).setFiles({ name: "identite.pdf", mimeType: "application/pdf", buffer: samplePdf(50_000) });
    await expectFocusOn(page, "« identite.pdf » est enregistré.");
    await expect(page.getByText("Votre candidature est complète et pourra être étudiée par nos services.")).toBeVisible();

    await page.goto("/diplomes/nouveau");
    await type(page.getByLabel(/^Libellé/), "CAP Accompagnant éducatif petite enfance");
    await page.getByLabel(/^Type de diplôme/).selectOption({ label: "CAP (niveau 3)" });
    await type(page.getByLabel("Date d'obtention (JJ/MM/AAAA)"), "01072010");
    await type(page.getByLabel(/^Etablissement/), "Lycée Baudelaire");
    await type(page.getByLabel(/^Ville/), "Roubaix");
    await press(page.getByRole("button", { name: "Valider" }));
    await expectFocusOn(page, "Votre diplôme est enregistré.");
    await expect(page.getByText("Date d'obtention : 01/07/2010")).toBeVisible();

    await page.goto("/compte");
    await type(page.getByLabel("Lieu de naissance"), " (Pas-de-Calais)");
    await press(page.getByRole("button", { name: "Enregistrer mes informations" }));
    await expectFocusOn(page, "Vos informations sont enregistrées.");
    await type(page.getByLabel("Nouvelle adresse électronique"), `nouvelle-${email}`);
    await type(page.getByLabel("Votre mot de passe actuel"), "pas le bon");
    await press(page.getByRole("button", { name: "Recevoir un lien de confirmation" }));
    await expectFocusOn(page, "Un point est à corriger");
  });

  test("mot de passe perdu → connexion → candidature → renouvellement : chaque réponse reçoit le focus", async ({ page, browser, inboxUrl, request }) => {
    test.setTimeout(120_000);
    const email = `clavier-oubli-${randomUUID().slice(0, 8)}@exemple.fr`;
    await registerAndActivate(page, inboxUrl, email, "Camille");
    await page.context().clearCookies();

    // Lost password, from the sign-in page, by keyboard.
    await page.goto("/");
    await press(page.getByRole("link", { name: "Mot de passe perdu" }));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mot de passe perdu");
    await type(page.getByLabel(/^Identifiant/).first(), email);
    await press(page.getByRole("button", { name: "Recevoir un lien" }));
    await expectFocusOn(page, "Si un compte correspond à cet identifiant");
    const mail = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject === "AcloE – Choisissez un nouveau mot de passe");
    await page.goto(new URL(/http\S+\/reinitialisation\/[\w-]+/.exec(mail.text)![0]).pathname);
    const newPassword = "Une autre phrase bien longue, 2027 !";
    await type(page.getByLabel(/^Nouveau mot de passe/), newPassword);
    await type(page.getByLabel(/^Confirmez le nouveau mot de passe/), newPassword);
    await press(page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }));
    await expectFocusOn(page, "Votre nouveau mot de passe est enregistré");

    // Sign in with it, then file an application.
    await type(page.getByLabel(/^Identifiant/), email);
    await type(page.getByLabel(/^Votre mot de passe/), newPassword);
    await press(page.getByRole("button", { name: "Connecter", exact: true }));
    await expect(page).toHaveURL(/\/tableau-de-bord$/);
    await page.goto("/candidatures/nouvelle");
    await press(page.getByRole("button", { name: "Valider" }));
    await expectFocusOn(page, "Votre candidature est enregistrée.");
    const applicationId = new URL(page.url()).pathname.split("/").pop()!;

    // Six months later (moved by SQL), the daily job mails the renewal notice.
    const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string; CRON_SECRET: string };
    const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
    try {
      await sql`update applications set valid_until = current_date - 1 where id = ${applicationId}`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    expect((await request.get("/api/cron/renewals", { headers: { Authorization: `Bearer ${env.CRON_SECRET}` } })).status()).toBe(200);
    const notice = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject.startsWith("AcloE – Votre candidature AESH arrive à échéance"));

    // The renewal link, opened elsewhere (no session needed), answered by keyboard.
    const elsewhere = await browser.newPage();
    await elsewhere.goto(new URL(/http\S+\/renouvellement\/[\w-]+/.exec(notice.text)![0]).pathname);
    await press(elsewhere.getByRole("button", { name: "Maintenir ma candidature" }));
    await expect(elsewhere.locator(":focus")).toContainText(`désormais valable jusqu'au ${formatFrenchDate(addMonths(todayIso(), 6))}`);
    await elsewhere.close();
  });
});
