import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
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

/** Signs in on the staff sign-in page (the page ends on the staff space). */
export async function staffLogIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^Identifiant/).fill(email);
  await page.getByLabel(/^Votre mot de passe/).fill(password);
  await page.getByRole("button", { name: "Connecter" }).click();
  await expect(page).not.toHaveURL(/\/admin\/connexion/);
}
