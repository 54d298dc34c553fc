import { randomBytes, randomUUID, scrypt } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { addMonths, formatFrenchDate, todayIso } from "@/lib/format/date";
import { inboxClient } from "../support/inbox";
import { logIn, registerAndActivate } from "./candidates";
import { expect, expectAccessible, test } from "./fixtures";
import { e2eEnvFile } from "./ports";

const postType = "AESH EN PIAL INTER-DEGRE";

/** A password hash in lib/auth's format, with cheap parameters (each hash carries its own). */
function scryptHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, 64, { N: 2 ** 14, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(`scrypt$${2 ** 14}$8$1$${salt.toString("base64")}$${key.toString("base64")}`),
    ),
  );
}

test.describe("renouvellement à six mois", () => {
  test("le courriel de renouvellement mène à « Maintenir ma candidature » et à la nouvelle date de validité", async ({ page, browser, visit, inboxUrl, request }) => {
    const staffEmail = `gestion-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    const staffPassword = "Un gestionnaire attentif, 2026 !";
    test.setTimeout(90_000);
    const email = `renouvellement-${randomUUID().slice(0, 8)}@exemple.fr`;
    await registerAndActivate(page, inboxUrl, email, "Alix");
    await page.goto("/candidatures/nouvelle");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page).toHaveURL(/\/candidatures\/[0-9a-f-]{36}\?enregistree=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ma candidature ${postType}`);
    const applicationPath = new URL(page.url()).pathname;

    // Six months pass (moved by SQL), then the platform scheduler calls the daily job.
    const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string; CRON_SECRET: string };
    const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
    try {
      await sql`update applications set valid_until = current_date - 1 where id = ${applicationPath.split("/").pop()!}`;
      await sql`insert into users (identifier, email, email_verified_at, password_hash, role, first_name, birth_name)
                values (${staffEmail}, ${staffEmail}, now(), ${await scryptHash(staffPassword)}, 'gestionnaire', 'Claude', 'Gestion')`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    const run = await request.get("/api/cron/renewals", { headers: { Authorization: `Bearer ${env.CRON_SECRET}` } });
    expect(run.status()).toBe(200);
    // What matters is this candidate's notice (the run also serves other tests' applications).

    const mail = await inboxClient(inboxUrl).waitFor(email, (m) => m.subject.startsWith("AcloE – Votre candidature AESH arrive à échéance"));
    const deadline = /avant le (\d{2}\/\d{2}\/\d{4})/.exec(mail.subject)![1]!;
    // The candidate's space says it too, with the same deadline.
    await visit("/tableau-de-bord");
    await expect(page.getByText(`Sans réponse de votre part avant le ${deadline}, elle sera supprimée.`)).toBeVisible();

    // Staff follow it: who must answer, by when, and the job's last run.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await staff.goto("/");
    await logIn(staff, staffEmail, staffPassword);
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
    await staff.getByRole("link", { name: /En attente de réponse du candidat/ }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Suivi des renouvellements");
    const awaiting = staff.getByRole("table", { name: "Candidatures en attente de réponse" });
    await expect(awaiting.getByRole("row").filter({ hasText: email })).toContainText(deadline);
    await expect(staff.getByRole("table", { name: "Dernières exécutions de la tâche quotidienne" }).getByRole("row")).not.toHaveCount(1);
    await expectAccessible(staff);
    await staffContext.close();

    const link = new URL(/http\S+\/renouvellement\/[\w-]+/.exec(mail.text)![0]).pathname;
    await visit(link);
    await visit(link); // following the link twice (as a mail scanner would first) changes nothing
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renouvellement de votre candidature");
    await expect(page.getByText(`Sans réponse avant le ${deadline}, elle sera supprimée.`)).toBeVisible();
    await page.getByRole("button", { name: "Maintenir ma candidature" }).click();
    const validUntil = formatFrenchDate(addMonths(todayIso(), 6));
    await expect(page.getByRole("status")).toContainText(`Votre candidature ${postType} est désormais valable jusqu'au ${validUntil}.`);
    await inboxClient(inboxUrl).waitFor(email, (m) => m.subject === "AcloE – Votre candidature AESH est maintenue");

    await visit(applicationPath);
    // Filed empty, it is incomplete: kept until the new date, not "prise en compte".
    await expect(page.getByText(`Elle est conservée jusqu'au ${validUntil}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Maintenir ma candidature" })).toHaveCount(0);
    // The link has done its work.
    await visit(link);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Ce lien a déjà servi");
  });
});
