import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import postgres from "postgres";
import { builtRoutes } from "./action-calls";
import { registerAndActivate } from "./candidates";
import { expect, expectAccessible, test } from "./fixtures";
import { e2eEnvFile, e2eInboxUrl } from "./ports";
import { concreteRoute, seedCandidateRecords } from "./records";
import { signedInStaff } from "./staff";

/**
 * Issue 13, item 7: every page of the build (from its manifest: a new page is checked without
 * a line here), opened by the person it is for, passes axe-core with no serious or critical
 * violation at 1280 px and at 320 px, and does not scroll sideways at 320 px.
 */

/** Who opens each page: the public, a candidate with records, or an admin (who sees every staff page). */
function openerOf(route: string): "anonyme" | "candidat" | "administrateur" {
  if (route.startsWith("/admin") && route !== "/admin/connexion") return "administrateur";
  if (/^\/(tableau-de-bord|candidatures|compte$|diplomes|mot-de-passe-provisoire)/.test(route)) return "candidat";
  return "anonyme";
}

test("issue 13: every page passes axe at 1280 and 320 px, without sideways scrolling on a phone", async ({ browser }) => {
  test.setTimeout(600_000);
  const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string };
  const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
  const run = Date.now().toString(36);
  try {
    const pages = new Map<string, Page>();
    const open = async (target: Browser) => (await target.newContext()).newPage();
    pages.set("anonyme", await open(browser));
    const candidate = await open(browser);
    const email = `rgaa-${run}@exemple.fr`;
    await registerAndActivate(candidate, e2eInboxUrl, email, "Rose");
    pages.set("candidat", candidate);
    const records = await seedCandidateRecords(sql, email, `rgaa/${run}`);
    const adminEmail = `rgaa-admin-${run}@ac-exemple.fr`;
    const admin = await (await signedInStaff(browser, adminEmail, "Un martin-pêcheur 2026 !", "admin")).newPage();
    pages.set("administrateur", admin);
    const [colleague] = await sql<{ id: string }[]>`select id from users where identifier = ${adminEmail}`;
    const concrete = (route: string) => concreteRoute(route, { ...records, staffMemberId: colleague!.id });

    const routes = builtRoutes("pages");
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const problems: string[] = [];
    let checks = 0;
    for (const route of routes) {
      const page = pages.get(openerOf(route))!;
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(concrete(route));
        if (!response || response.status() >= 400) {
          problems.push(`${route} à ${width} px : HTTP ${response?.status()}`);
          continue;
        }
        checks += 1;
        await expectAccessible(page).catch((error: Error) => problems.push(`${route} à ${width} px : ${error.message.split("\n").slice(0, 6).join(" ")}`));
        if (width === 320) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${route} à 320 px défile de ${overflow} px vers la droite (${page.url()})`);
        }
      }
    }
    console.log(`Accessibilité : ${routes.length} pages, ${checks} vérifications axe (1280 et 320 px).`);
    expect(problems).toEqual([]);
  } finally {
    await sql.end();
  }
});
