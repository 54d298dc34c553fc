import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { inboxClient } from "../support/inbox";
import { password } from "./candidates";
import { expect, expectAccessible, test } from "./fixtures";

const postType = "AESH EN PIAL INTER-DEGRE";

/** Whether the page scrolls sideways at the current width. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test.describe("les formulaires du candidat sur un téléphone", () => {
  test("inscription, candidature et compte à 375 puis 320 px : rien de ce qui est choisi ou tapé ne se perd", async ({ page, inboxUrl }) => {
    test.setTimeout(90_000);
    const email = `une-adresse-electronique-vraiment-tres-longue-${randomUUID().slice(0, 8)}@exemple-de-messagerie.fr`;
    await page.goto("/inscription");
    await expect(page).toHaveTitle(/AcloE/);
    // The help boxes are information, in the guide's yellow, not an error's red.
    await expect(page.getByText("Une adresse électronique et un mot de passe sont nécessaires")).toHaveCSS("background-color", "rgb(255, 246, 204)");

    // Ticking "no email" says at once that the phone becomes mandatory, and the phone is right there.
    await page.getByLabel("Vous n'avez pas d'adresse électronique").check();
    await expect(page.getByText("votre numéro de téléphone devient obligatoire")).toBeVisible();
    await expect(page.getByRole("group", { name: "Identifiant" }).getByLabel(/^Téléphone/)).toBeVisible();
    await page.getByLabel("Vous n'avez pas d'adresse électronique").uncheck();

    // A refused first try with a strong password: both password fields and the meter start afresh.
    await page.getByLabel(/^Courriel/).fill(email);
    await page.getByLabel("Confirmez votre courriel").fill(`autre-${email}`);
    await page.getByLabel(/^Mot de passe/).fill(password);
    await expect(page.getByText("mot de passe accepté")).toBeVisible();
    await page.getByLabel("Confirmez votre mot de passe").fill(password);
    await page.getByRole("button", { name: "Valider" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "sont à corriger" });
    await expect(summary).toBeFocused();
    // Listed in the order of the form: the address first, the identity after.
    await expect(summary.getByRole("listitem").first()).toContainText("Confirmez votre courriel");
    await expect(summary.getByRole("listitem").last()).toContainText("Nationalité");
    await expect(page.getByLabel(/^Mot de passe/)).toHaveValue("");
    await expect(page.getByLabel("Confirmez votre mot de passe")).toHaveValue("");
    await expect(page.getByText("Robustesse")).toBeHidden();

    // An empty password is a forgotten field, not four broken rules.
    await page.getByLabel("Confirmez votre courriel").fill(email);
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.locator("#password-erreur")).toHaveText("Indiquez un mot de passe.");

    // A birth date typed on a numeric keypad, with dots.
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByLabel("Confirmez votre mot de passe").fill(password);
    await page.getByLabel("Civilité").selectOption("madame");
    await page.getByLabel("Nom patronymique").fill("Flandin");
    await page.getByLabel(/^Prénom/).fill("Camille");
    await page.getByLabel("Date de naissance").fill("17.05.1990");
    await page.getByLabel("Lieu de naissance").fill("Douai");
    await expect(page.getByLabel("Date de naissance")).toHaveValue("17/05/1990");
    await page.getByLabel("Nationalité").selectOption("FR");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Votre compte est créé" })).toBeFocused();

    // "Renvoyer le message": the first link then says a newer one was sent (not "already used").
    const inbox = inboxClient(inboxUrl);
    const linkIn = (text: string) => new URL(/http\S+\/verification\/[\w-]+/.exec(text)![0]).pathname;
    const first = linkIn((await inbox.waitFor(email, (m) => m.subject.startsWith("AcloE – Confirmez votre adresse"))).text);
    await page.getByRole("button", { name: "Renvoyer le message" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Un nouveau message vient d'être envoyé" })).toBeFocused();
    const second = linkIn((await inbox.waitFor(email, (m) => linkIn(m.text) !== first)).text);
    await page.goto(first);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Un lien d'activation plus récent vous a été envoyé");
    await page.goto(second);
    await page.getByRole("button", { name: "Activer mon espace candidat" }).click();
    await expect(page).toHaveURL(/\/tableau-de-bord/);

    // The guide's title; a zone and a quotité chosen in their lists without "Ajouter" are kept.
    await page.goto("/candidatures/nouvelle");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ma candidature ${postType}`);
    await page.getByLabel(/^Choix 1/).selectOption({ label: "AESH" });
    await page.getByLabel("Ajouter une zone").selectOption({ label: "CAMBRESIS - BASSIN 9" });
    await expect(page.getByText("« CAMBRESIS - BASSIN 9 » sera votre vœu n° 1 quand vous validerez")).toBeVisible();
    await page.getByLabel("Ajouter une quotité").selectOption({ label: "Temps plein" });
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await scrollsSideways(page)).toBe(false);
    // The closed list shows the whole zone name: full width under 640 px, the button below it.
    const zoneList = await page.getByLabel("Ajouter une zone").boundingBox();
    expect(zoneList!.x + zoneList!.width).toBeLessThanOrEqual(320);
    expect(zoneList!.width).toBeGreaterThan(250);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Valider" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Votre candidature est enregistrée." })).toBeFocused();
    await expect(page.getByRole("region", { name: "Zones géographiques souhaitées" }).getByRole("listitem")).toHaveText(["CAMBRESIS - BASSIN 9"]);
    await expect(page.getByRole("region", { name: "Quotités souhaitées" }).getByRole("listitem")).toHaveText(["Temps plein"]);
    // Still without its identity document: incomplete, and never "prise en compte".
    await expect(page.getByText("Statut : Déposée, incomplète")).toBeVisible();
    await expect(page.getByText("a été prise en compte")).toHaveCount(0);
    await expect(page.getByText("n'est pas prise en compte par nos services")).toBeVisible();
    for (const path of ["/candidatures", "/tableau-de-bord"]) {
      await page.goto(path);
      await expect(page.getByText("Déposée, incomplète").first()).toBeVisible();
      await expect(page.getByText("Votre candidature a été prise en compte")).toHaveCount(0);
    }

    // The dashboard's "Ajouter un diplôme" opens the form.
    await page.getByRole("link", { name: "Ajouter un diplôme" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter un diplôme");

    // The account page at 320 px: a long address wraps, nothing scrolls sideways, targets are big enough.
    await page.goto("/compte");
    expect(await scrollsSideways(page)).toBe(false);
    for (const link of [page.getByRole("link", { name: /Télécharger mes données/ }), page.getByRole("contentinfo").getByRole("link").first()]) {
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
    await expectAccessible(page);
  });

  test("le menu est un bouton « Menu » qui s'ouvre et se referme, au clavier comme au doigt", async ({ page, visit }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await visit("/");
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    const toggle = nav.getByRole("button", { name: "Menu", exact: true });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // Closed, the links take no room (three wrapped lines of links before).
    await expect(nav.getByRole("link", { name: "Aide" })).toBeHidden();
    const closedHeight = (await nav.boundingBox())!.height;
    expect(closedHeight).toBeLessThan(60);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Aide" })).toBeVisible();
    await expectAccessible(page);
    // Escape closes it and gives focus back to the button.
    await nav.getByRole("link", { name: "Accueil" }).focus();
    await page.keyboard.press("Escape");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toBeFocused();
    // Following a link closes it on the next page.
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Aide" }).click();
    await expect(page).toHaveURL(/\/aide$/);
    await expect(toggle).toHaveAttribute("aria-expanded", "false");

    // On a wide screen there is no button: the links are the menu.
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(toggle).toBeHidden();
    await expect(nav.getByRole("link", { name: "Aide" })).toBeVisible();
  });
});
