import { randomUUID } from "node:crypto";
import { registerAndActivate } from "./candidates";
import { expect, test } from "./fixtures";
import { createStaffFromShell, staffLogIn } from "./staff";

test.describe("espace de gestion sur un téléphone", () => {
  test("la liste et une candidature se lisent à 375 px", async ({ page, browser, visit, inboxUrl }) => {
    test.setTimeout(120_000);
    const email = `mobile-${randomUUID().slice(0, 8)}@exemple.fr`;
    await registerAndActivate(page, inboxUrl, email, "Noé");
    await page.goto("/candidatures/nouvelle");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page).toHaveURL(/\/candidatures\/[0-9a-f-]{36}\?enregistree=1$/);

    const staffEmail = `mobile-${randomUUID().slice(0, 8)}@ac-lille.fr`;
    await createStaffFromShell(staffEmail, "Une gestionnaire en déplacement, 2026 !", "admin");
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const staff = await context.newPage();
    await staff.goto("/admin/connexion");
    await staffLogIn(staff, staffEmail, "Une gestionnaire en déplacement, 2026 !");
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
    await staff.goto(`/admin/candidatures?q=${encodeURIComponent(email)}`);
    await expect(staff.getByRole("status").filter({ hasText: "correspond" })).toHaveText("1 candidature correspond aux filtres");
    // The page never scrolls sideways: the wide table scrolls inside its own region.
    expect(await staff.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await staff.getByRole("link", { name: "Noé FLANDIN" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Noé FLANDIN");
    await expect(staff.getByText("Déposée (incomplète)").first()).toBeVisible();
    expect(await staff.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await context.close();
    await visit("/tableau-de-bord");
  });
});
