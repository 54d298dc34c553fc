import { randomUUID } from "node:crypto";
import { inboxClient } from "../support/inbox";
import { fillIdentity, logIn, password, registerAndActivate } from "./candidates";
import { expect, mainMenu, test } from "./fixtures";

test.describe("comptes candidats", () => {
  test("inscription avec courriel, activation par le lien, déconnexion puis connexion", async ({ page, browser, visit, inboxUrl }) => {
    const email = `maxime-${randomUUID().slice(0, 8)}@exemple.fr`;
    await visit("/");
    await page.getByRole("link", { name: "Continuer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formulaire d'inscription");

    // A first try with mistakes: each one is said next to its field, and typed values stay.
    await page.getByLabel(/^Courriel/).fill(email);
    await page.getByLabel("Confirmez votre courriel").fill(`autre-${email}`);
    await page.getByLabel(/^Mot de passe/).fill("azerty");
    await page.getByRole("button", { name: "Valider" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "points sont à corriger" });
    await expect(summary).toBeVisible();
    await expect(page.locator("#emailConfirmation-erreur")).toHaveText("Les deux adresses électroniques ne sont pas identiques.");
    await expect(page.locator("#password-erreur")).toContainText("Le mot de passe doit contenir au moins 8 caractères.");
    await expect(page.getByLabel(/^Courriel/)).toHaveValue(email);
    await expect(page.getByLabel(/^Mot de passe/)).toHaveValue("");

    await page.getByLabel("Confirmez votre courriel").fill(email);
    await page.getByLabel(/^Mot de passe/).fill(password);
    await expect(page.getByText("mot de passe accepté")).toBeVisible();
    await page.getByLabel("Confirmez votre mot de passe").fill(password);
    await fillIdentity(page, "Maxime");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText(`Un message vient d'être envoyé à ${email}`)).toBeVisible();
    await expect(page.getByText("dossier « spam »")).toBeVisible();

    // Not yet confirmed: the login says so.
    await page.goto("/");
    await logIn(page, email, password);
    await expect(page.getByText("Votre adresse électronique n'est pas encore confirmée")).toBeVisible();

    const mail = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject.includes("Confirmez votre adresse"));
    const link = /http\S+\/verification\/[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(new URL(link!).pathname);
    await page.getByRole("button", { name: "Activer mon espace candidat" }).click();
    await expect(page).toHaveURL(/\/tableau-de-bord/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon tableau de bord");
    await expect(page.getByText("Votre adresse électronique est confirmée")).toBeVisible();

    const menu = (await mainMenu(page));
    await expect(menu.getByRole("link", { name: "Maxime FLANDIN" })).toBeVisible();
    await menu.getByRole("button", { name: "Déconnecter" }).click();
    await expect(page.getByText("Vous êtes déconnecté")).toBeVisible();

    // The candidate space is closed again, and login brings back where one was going.
    await page.goto("/compte");
    await expect(page).toHaveURL(/\/\?suivant=%2Fcompte/);
    await logIn(page, email.toUpperCase(), password);
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByText("Nom patronymique")).toBeVisible();
    // Signed in, the public pages are theirs too: their menu on the help, their space for the home.
    await page.goto("/aide");
    await expect((await mainMenu(page)).getByRole("link", { name: "Maxime FLANDIN" })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/tableau-de-bord$/);

    // "Déconnecter" on another device ends this session too.
    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto("/");
    await logIn(phone, email, password);
    await expect(phone).toHaveURL(/\/tableau-de-bord/);
    await (await mainMenu(phone)).getByRole("button", { name: "Déconnecter" }).click();
    await expect(phone.getByText("Vous êtes déconnecté")).toBeVisible();
    await other.close();
    await page.goto("/compte");
    await expect(page).toHaveURL(/\/\?suivant=%2Fcompte/);

    // The link served once.
    await page.goto(new URL(link!).pathname);
    await expect(page.getByText("Ce lien d'activation a déjà servi")).toBeVisible();
  });

  test("inscription sans courriel : l'identifiant généré permet de se connecter", async ({ page, visit }) => {
    await visit("/inscription");
    await page.getByLabel("Vous n'avez pas d'adresse électronique").check();
    await expect(page.getByLabel(/^Courriel/)).toHaveCount(0);
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByLabel("Confirmez votre mot de passe").fill(password);
    await fillIdentity(page, "Camille");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.locator("#phone-erreur")).toContainText("Sans adresse électronique, indiquez un numéro de téléphone");
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByLabel("Confirmez votre mot de passe").fill(password);
    await page.getByLabel("Téléphone").fill("06 12 34 56 78");
    await page.getByRole("button", { name: "Valider" }).click();

    const identifier = (await page.locator("strong.font-mono").textContent())?.trim() ?? "";
    expect(identifier).toMatch(/^aesh-[0-9a-z]{4}-[0-9a-z]{4}$/);
    await expect(page.getByRole("heading", { name: "Vos codes de secours" })).toBeVisible();
    await expect(page.locator("ul.font-mono li")).toHaveCount(8);

    await page.getByRole("link", { name: /me connecter/ }).click();
    await logIn(page, identifier, password);
    await expect(page).toHaveURL(/\/tableau-de-bord$/);
    await expect(page.getByText("Bonjour Camille FLANDIN")).toBeVisible();
  });

  test("un mauvais mot de passe reçoit un message générique", async ({ page, visit }) => {
    await visit("/");
    await logIn(page, "personne-inconnue@exemple.fr", "Pas le bon mot de passe !");
    await expect(page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect." })).toBeVisible();
    await expect(page.getByLabel(/^Identifiant/)).toHaveValue("personne-inconnue@exemple.fr");
  });

  test("mot de passe perdu : le lien reçu permet d'en choisir un nouveau et ferme les sessions ouvertes", async ({
    page,
    browser,
    visit,
    inboxUrl,
  }) => {
    const email = `oubli-${randomUUID().slice(0, 8)}@exemple.fr`;
    await registerAndActivate(page, inboxUrl, email, "Sacha");

    // Elsewhere (another browser), the candidate asks for a new password.
    const other = await browser.newPage();
    await other.goto("/");
    await other.getByRole("link", { name: "Mot de passe perdu" }).click();
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Mot de passe perdu");
    await other.getByLabel(/^Identifiant/).first().fill(email);
    await other.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(other.getByText("Si un compte correspond à cet identifiant")).toBeVisible();
    const mail = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject === "AcloE – Choisissez un nouveau mot de passe");
    await other.goto(new URL(/http\S+\/reinitialisation\/[\w-]+/.exec(mail.text)![0]).pathname);
    const newPassword = "Une autre phrase bien longue, 2025 !";
    await other.getByLabel(/^Nouveau mot de passe/).fill(newPassword);
    await other.getByLabel(/^Confirmez le nouveau mot de passe/).fill(newPassword);
    await other.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(other.getByText("Votre nouveau mot de passe est enregistré")).toBeVisible();
    await inboxClient(inboxUrl).waitFor(email, (m) => m.subject === "AcloE – Votre mot de passe a été changé");
    await other.close();

    // The session opened before the reset is over.
    await page.goto("/tableau-de-bord");
    await expect(page).toHaveURL(/\/\?suivant=/);
    await visit("/");
    await logIn(page, email, password);
    await expect(page.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
    await logIn(page, email, newPassword);
    await expect(page).toHaveURL(/\/tableau-de-bord$/);
  });

  test("mon compte : modifier mes informations, changer d'adresse, télécharger mes données, supprimer mon compte", async ({
    page,
    visit,
    inboxUrl,
  }) => {
    // A long journey (six scrypt hashes of 0.6 s each): give it room on a busy machine.
    test.setTimeout(90_000);
    const inbox = inboxClient(inboxUrl);
    const email = `compte-${randomUUID().slice(0, 8)}@exemple.fr`;
    const newEmail = `nouvelle-${randomUUID().slice(0, 8)}@exemple.fr`;
    await registerAndActivate(page, inboxUrl, email, "Dominique");

    await (await mainMenu(page)).getByRole("link", { name: "Dominique FLANDIN" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon compte");
    await page.getByLabel(/^Téléphone/).fill("06 11 22 33 44");
    await page.getByLabel(/^Date de naissance/).fill("31/02/1990");
    await page.getByRole("button", { name: "Enregistrer mes informations" }).click();
    await expect(page.locator("#birthDate-erreur")).toContainText("date réelle");
    await expect(page.getByLabel(/^Téléphone/)).toHaveValue("06 11 22 33 44");
    await page.getByLabel(/^Date de naissance/).fill("14/07/1990");
    await page.getByRole("button", { name: "Enregistrer mes informations" }).click();
    await expect(page.getByText("Vos informations sont enregistrées.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(/^Téléphone/)).toHaveValue("0611223344");

    // A new address: confirmed from the mail it receives; the old one is told.
    await page.getByLabel(/^Nouvelle adresse électronique/).fill(newEmail);
    await page.getByLabel(/^Votre mot de passe actuel/).fill(password);
    await page.getByRole("button", { name: "Recevoir un lien de confirmation" }).click();
    await expect(page.getByText(`Un message vient d'être envoyé à ${newEmail}`)).toBeVisible();
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre adresse électronique va changer");
    const confirmation = await inbox.waitFor(newEmail, (m) => m.subject === "AcloE – Confirmez votre nouvelle adresse électronique");
    await page.goto(new URL(/http\S+\/compte\/courriel\/[\w-]+/.exec(confirmation.text)![0]).pathname);
    await page.getByRole("button", { name: "Confirmer ma nouvelle adresse" }).click();
    await expect(page.getByText("Votre nouvelle adresse est confirmée")).toBeVisible();
    // Every session ended (the menu says so): signing in again, with the new address.
    await page.getByRole("link", { name: "Me connecter" }).click();
    await expect((await mainMenu(page)).getByRole("button", { name: "Déconnecter" })).toHaveCount(0);
    await logIn(page, newEmail, password);
    await expect(page).toHaveURL(/\/compte$/);

    // My data, as a JSON file.
    await visit("/compte");
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger mes données" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^mes-donnees-aesh-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
    expect(exported.profile).toMatchObject({ email: newEmail, identifier: newEmail, phone: "0611223344", firstName: "Dominique" });
    expect(JSON.stringify(exported)).not.toMatch(/scrypt|password|token/i);

    // Deleting asks for the password first.
    await page.getByText("Supprimer mon compte").click();
    await page.getByLabel(/^Votre mot de passe, pour confirmer/).fill("Pas le bon, 2024 !");
    await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await expect(page.locator("#deletePassword-erreur")).toHaveText("Le mot de passe actuel est incorrect.");
    await page.getByLabel(/^Votre mot de passe, pour confirmer/).fill(password);
    await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await expect(page.getByText("Votre compte et vos données ont été supprimés.")).toBeVisible();
    await inbox.waitFor(newEmail, (m) => m.subject === "AcloE – Votre compte a été supprimé");
    await logIn(page, newEmail, password);
    await expect(page.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
  });
});
