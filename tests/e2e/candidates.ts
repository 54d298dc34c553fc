import type { Page } from "@playwright/test";
import { inboxClient } from "../support/inbox";
import { expect } from "./fixtures";

export const password = "Un héron au long bec 2024 !";

export async function fillIdentity(page: Page, firstName: string) {
  await page.getByLabel("Civilité").selectOption("madame");
  await page.getByLabel("Nom patronymique").fill("Flandin");
  await page.getByLabel(/^Prénom/).fill(firstName);
  await page.getByLabel("Date de naissance").fill("14/07/1990");
  await page.getByLabel("Lieu de naissance").fill("Douai");
  await page.getByLabel("Nationalité").selectOption("FR");
}

export async function logIn(page: Page, identifier: string, secret: string) {
  await page.getByLabel(/^Identifiant/).fill(identifier);
  await page.getByLabel(/^Votre mot de passe/).fill(secret);
  await page.getByRole("button", { name: "Connecter", exact: true }).click();
}

/** Registers with an email and follows the activation link: the page ends signed in. */
export async function registerAndActivate(page: Page, inboxUrl: string, email: string, firstName: string) {
  await page.goto("/inscription");
  await page.getByLabel(/^Courriel/).fill(email);
  await page.getByLabel("Confirmez votre courriel").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByLabel("Confirmez votre mot de passe").fill(password);
  await fillIdentity(page, firstName);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText(`Un message vient d'être envoyé à ${email}`)).toBeVisible();
  const mail = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject.includes("Confirmez votre adresse"));
  await page.goto(new URL(/http\S+\/verification\/[\w-]+/.exec(mail.text)![0]).pathname);
  await page.getByRole("button", { name: "Activer mon espace candidat" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord/);
}

