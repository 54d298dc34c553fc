import { randomUUID } from "node:crypto";
import { inboxClient } from "../support/inbox";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, mainMenu, test } from "./fixtures";
import { createStaffFromShell, staffLogIn } from "./staff";

test.describe("équipe (administrateurs)", () => {
  test("un administrateur invite un gestionnaire, qui choisit son mot de passe ; limité au Pas-de-Calais, une candidature du Nord lui est introuvable", async ({
    page,
    browser,
    inboxUrl,
    consoleErrors,
  }) => {
    test.setTimeout(150_000);
    const inbox = inboxClient(inboxUrl);
    const secret = "Une équipe attentive, 2026 !";
    const bossEmail = `direction-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    const agentEmail = `agent-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    const agentPassword = "Une gestion du Pas-de-Calais, 2026 !";
    await createStaffFromShell(bossEmail, secret, "admin");

    // A candidate whose only wish is in the Nord (59).
    await registerAndActivate(page, inboxUrl, `nord-${randomUUID().slice(0, 8)}@exemple.fr`, "Lou");
    await page.goto("/candidatures/nouvelle");
    await page.getByLabel("Ajouter une zone").selectOption({ label: "CAMBRESIS - BASSIN 9" });
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page).toHaveURL(/\/candidatures\/[0-9a-f-]{36}\?enregistree=1$/);
    const applicationId = new URL(page.url()).pathname.split("/").pop()!;

    const bossContext = await browser.newContext();
    const boss = await bossContext.newPage();
    await boss.goto("/admin/connexion");
    await staffLogIn(boss, bossEmail, secret);
    await (await mainMenu(boss)).getByRole("link", { name: "Équipe" }).click();
    await expect(boss.getByRole("heading", { level: 1 })).toHaveText("Équipe");
    await boss.getByLabel("Adresse électronique").fill(agentEmail);
    await boss.getByLabel("Rôle").selectOption("gestionnaire");
    await boss.getByRole("button", { name: "Inviter" }).click();
    await expect(boss.getByRole("status").filter({ hasText: "Invitation envoyée" })).toBeFocused();
    await expect(boss.getByRole("row").filter({ hasText: agentEmail })).toContainText("Invitation envoyée");
    await expectAccessible(boss);

    // The invitation: a link to choose a password, then the staff sign-in.
    const mail = await inbox.waitFor(agentEmail, (m) => m.subject.includes("Votre accès à l'espace de gestion"));
    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    // The gestionnaire's computer: Chromium's virtual authenticator, which checks the person (as a PIN or a fingerprint would).
    const cdp = await agentContext.newCDPSession(agent);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await agent.goto(new URL(/http\S+\/invitation\/[\w-]+/.exec(mail.text)![0]).pathname);
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Activer votre accès");
    await agent.getByLabel(/^Mot de passe/).fill(agentPassword);
    await agent.getByLabel("Confirmez votre mot de passe").fill(agentPassword);
    await agent.getByRole("button", { name: "Activer mon accès" }).click();
    await expect(agent).toHaveURL(/\/admin\/connexion\?active=1/);
    await staffLogIn(agent, agentEmail, agentPassword);

    // A passkey, enrolled from "Sécurité", then the sign-in with it alone.
    await (await mainMenu(agent)).getByRole("link", { name: "Sécurité" }).click();
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Sécurité de mon compte");
    await agent.getByLabel("Nom de la clé d'accès").fill("Ordinateur du bureau");
    await agent.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
    await expect(agent.getByRole("status").filter({ hasText: "Clé d'accès enregistrée." })).toBeFocused();
    await expect(agent.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
    await expectAccessible(agent);
    await agent.reload();
    await expect(agent.getByRole("listitem").filter({ hasText: "Ordinateur du bureau" })).toContainText("pas encore utilisée");
    await agent.getByRole("button", { name: "Déconnecter" }).click();
    await expect(agent).toHaveURL(/deconnecte=1/);
    await agent.goto("/admin/connexion");
    await agent.getByRole("button", { name: "Se connecter avec une clé d'accès" }).click();
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
    await agent.goto(`/admin/candidatures/${applicationId}`);
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Lou FLANDIN");

    // Limited to the Pas-de-Calais: the Nord candidature is not found any more, nor in the list.
    // The team page's invitation form has the same "62" box: wait for the member's own page first.
    await boss.getByRole("link", { name: agentEmail }).click();
    await expect(boss.getByRole("heading", { level: 1 })).toHaveText(agentEmail);
    await boss.getByRole("checkbox", { name: "62" }).check();
    await boss.getByRole("button", { name: "Enregistrer" }).click();
    await expect(boss.getByRole("status").filter({ hasText: "Rôle et départements enregistrés" })).toBeVisible();
    await boss.getByRole("link", { name: "‹ Retour à l'équipe" }).click();
    await expect(boss.getByRole("row").filter({ hasText: agentEmail }).getByRole("cell", { name: "62", exact: true })).toBeVisible();
    await boss.getByRole("link", { name: agentEmail }).click();
    await expect(boss.getByRole("heading", { level: 1 })).toHaveText(agentEmail);
    consoleErrors.allow(/HTTP 404/);
    expect((await agent.goto(`/admin/candidatures/${applicationId}`))?.status()).toBe(404);
    await agent.goto(`/admin/candidatures?q=Lou`);
    await expect(agent.getByRole("link", { name: "Lou FLANDIN" })).toHaveCount(0);

    // Deactivated: the open session ends at once.
    await boss.getByRole("button", { name: "Désactiver le compte" }).click();
    await boss.getByRole("dialog").getByRole("button", { name: "Désactiver" }).click();
    await expect(boss.getByRole("status").filter({ hasText: "Compte désactivé" })).toBeVisible();
    await agent.goto("/admin");
    await expect(agent).toHaveURL(/\/admin\/connexion/);
    await bossContext.close();
    await agentContext.close();
  });
});
