import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { addMonths, formatFrenchDate, todayIso } from "@/lib/format/date";
import { settingsCacheMs } from "@/lib/settings/cache-time";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, mainMenu, test } from "./fixtures";
import { e2eEnvFile } from "./ports";
import { createStaffFromShell, staffLogIn } from "./staff";

test.describe("paramètres et journal (administrateurs)", () => {
  test("une durée de validité de 4 mois vaut pour la candidature suivante ; le journal le montre ; un gestionnaire n'y accède pas", async ({ page, browser, inboxUrl, consoleErrors }) => {
    test.setTimeout(150_000);
    const adminEmail = `direction-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    const agentEmail = `agent-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    const secret = "Une administratrice prudente, 2026 !";
    await createStaffFromShell(adminEmail, secret, "admin");
    await createStaffFromShell(agentEmail, secret, "gestionnaire");
    const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string };

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    try {
      await admin.goto("/admin/connexion");
      await staffLogIn(admin, adminEmail, secret);
      await (await mainMenu(admin)).getByRole("link", { name: "Paramètres" }).click();
      await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Paramètres");
      await expectAccessible(admin);
      // A reminder after the deletion it announces is refused, with a French sentence.
      await admin.getByLabel(/^Délai de réponse/).fill("10");
      await admin.getByLabel(/^Relance avant suppression/).fill("12");
      await admin.getByRole("button", { name: "Enregistrer les paramètres" }).click();
      await expect(admin.getByRole("alert").filter({ hasText: "à corriger" })).toContainText("La relance doit partir avant la suppression");
      // The home page as every anonymous visitor gets it (a copy shared for a few seconds).
      await page.goto("/");
      await expect(page.getByText("Chaque candidature est valable 6 mois")).toBeVisible();
      await admin.getByLabel(/^Délai de réponse/).fill("30");
      await admin.getByLabel(/^Relance avant suppression/).fill("7");
      await admin.getByLabel(/^Durée de validité/).fill("4");
      await admin.getByRole("button", { name: "Enregistrer les paramètres" }).click();
      await expect(admin.getByRole("status").filter({ hasText: "paramètre modifié" })).toBeFocused();

      // Visitors see the change at once, not when their shared copy of the page expires.
      await page.goto("/");
      await expect(page.getByText("Chaque candidature est valable 4 mois")).toBeVisible();

      // The next application filed is valid four months.
      await registerAndActivate(page, inboxUrl, `quatre-${randomUUID().slice(0, 8)}@exemple.fr`, "Alix");
      await page.goto("/candidatures/nouvelle");
      await page.getByRole("button", { name: "Valider" }).click();
      await expect(page.getByText(`Elle est conservée jusqu'au ${formatFrenchDate(addMonths(todayIso(), 4))}`)).toBeVisible();

      // The change is in the journal, with its old and new value.
      await admin.goto("/admin/journal?action=settings");
      await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Journal");
      await expect(admin.getByRole("row").filter({ hasText: "Paramètre modifié" }).first()).toContainText('"to":4');
      await expectAccessible(admin);
      // Its export, as French Excel opens it: the same entry, its details quoted.
      const exported = await admin.request.get("/admin/journal/export?action=settings");
      expect(exported.headers()["content-type"]).toContain("text/csv");
      const bytes = await exported.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString("utf8").split("\r\n");
      expect(lines[0]).toBe("Date;Heure;Personne;Action;Code;Type de fiche;Fiche;Détails;Adresse");
      expect(lines.find((line) => line.includes(";Paramètre modifié;"))).toContain('""to"":4');
    } finally {
      const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
      await sql`update settings set value = '6'::jsonb where key = 'validityMonths'`;
      await sql.end();
      // Written behind the server's back, as another instance would: pages see it once their copy expires.
      await new Promise((resolve) => setTimeout(resolve, settingsCacheMs));
      await adminContext.close();
    }

    // A gestionnaire has none of this.
    consoleErrors.allow(/HTTP 404/);
    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    await agent.goto("/admin/connexion");
    await staffLogIn(agent, agentEmail, secret);
    await expect((await mainMenu(agent)).getByRole("link", { name: "Paramètres" })).toHaveCount(0);
    for (const path of ["/admin/parametres", "/admin/journal", "/admin/journal/export", "/admin/referentiels", "/admin/referentiels/zones", "/admin/equipe"]) {
      expect((await agent.goto(path))?.status(), path).toBe(404);
    }
    await agentContext.close();
  });
});
