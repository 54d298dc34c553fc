import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import postgres from "postgres";
import { expect } from "./fixtures";
import { e2eEnvFile } from "./ports";

const run = promisify(execFile);

/** `npm run staff:create` from a shell, against the e2e stack (as an académie's admin would). */
export async function createStaffFromShell(email: string, password: string, role: "gestionnaire" | "admin"): Promise<string> {
  const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as Record<string, string>;
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    ["--import", "./scripts/node/register.mjs", "scripts/staff-create.ts", "--email", email, "--password", password, "--role", role],
    // The shell's own environment plus the e2e stack's (lib/env is server-only: not loadable here).
    { env: { ...process.env, ...env }, timeout: 60_000 },
  );
  return stdout;
}

/** A staff account made with `npm run staff:create`, signed in (second factor included) in a context of its own. */
export async function signedInStaff(browser: Browser, email: string, password: string, role: "gestionnaire" | "admin"): Promise<BrowserContext> {
  await createStaffFromShell(email, password, role);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/admin/connexion");
  await staffLogIn(page, email, password);
  return context;
}

/** Signs in on the staff sign-in page (the page ends on the staff space). */
export async function staffLogIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^Identifiant/).fill(email);
  await page.getByLabel(/^Votre mot de passe/).fill(password);
  await page.getByRole("button", { name: "Connecter", exact: true }).click();
  await expect(page).not.toHaveURL(/\/admin\/connexion/);
  await completeSecondFactor(page, email);
}

/** The authenticator app of each staff member enrolled in this run: its secret and the last time step used. */
const apps = new Map<string, { secret: string; lastStep: number }>();
const step = () => Math.floor(Date.now() / 30_000);

/** The 6 digits an app would show now, never from a step already used (a code works once). */
async function appCode(email: string): Promise<string> {
  const app = apps.get(email);
  if (!app) throw new Error(`no authenticator app enrolled for ${email}`);
  while (step() <= app.lastStep) await new Promise((resolve) => setTimeout(resolve, 500));
  app.lastStep = step();
  return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(app.secret) }).generate();
}

/**
 * After the password: enrols an authenticator app where a second factor is mandatory and none
 * is set (as an admin would, reading the key under the QR code), or types the app's code where
 * one is set. Ends on the page that was asked for.
 */
export async function completeSecondFactor(page: Page, email: string) {
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  const title = await heading.textContent();
  if (title === "Sécurité de mon compte" && (await page.getByText("Avant de continuer : activez la double authentification").isVisible())) {
    await page.getByRole("button", { name: "Configurer une application" }).click();
    const key = page.getByText(/^ou en saisissant cette clé/).locator("code");
    const secret = (await key.textContent())!.replace(/\s/g, "");
    apps.set(email, { secret, lastStep: 0 });
    await page.getByLabel("Code à 6 chiffres affiché par l'application").fill(await appCode(email));
    await page.getByRole("button", { name: "Activer l'application" }).click();
    await expect(page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
    await page.getByRole("link", { name: "J'ai noté mes codes : continuer" }).click();
    await expect(heading).not.toHaveText("Sécurité de mon compte");
  } else if (title === "Vérification en deux étapes") {
    await typeAppCode(page, email);
    await expect(heading).not.toHaveText("Vérification en deux étapes");
  }
}

/** Moves back the moment this person's open sessions gave their second factor (as if they had stayed signed in a while). */
export async function ageSecondFactor(email: string, minutes: number) {
  const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string };
  const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
  try {
    await sql`update staff_sessions set second_factor_at = second_factor_at - make_interval(mins => ${minutes}) where user_id = (select id from users where identifier = ${email}) and ended_at is null`;
  } finally {
    await sql.end();
  }
}

/** Types the app's current code on the verification page (sign-in or confirmation). */
export async function typeAppCode(page: Page, email: string) {
  await page.getByLabel("Code à 6 chiffres de votre application").fill(await appCode(email));
  await page.getByRole("button", { name: "Vérifier le code" }).click();
}
