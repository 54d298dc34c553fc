import { expect, mainMenu, test } from "./fixtures";

test.describe("pages publiques", () => {
  test("l'accueil présente la plateforme, le menu et le pied de page", async ({ page, visit }) => {
    await visit("/");
    await expect(page).toHaveTitle(/Recrutement des AESH – Académie de Lille/);
    await expect(page.getByRole("banner")).toContainText("Académie de Lille");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Recrutement des accompagnants");
    await expect(page.getByText("20 Mo au maximum")).toBeVisible();

    const menu = (await mainMenu(page));
    await expect(menu.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");
    await expect(menu.getByRole("link", { name: "Aide" })).toBeVisible();

    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: "Accessibilité : non conforme" })).toBeVisible();
    await expect(footer.getByRole("link", { name: "Données personnelles" })).toBeVisible();

    // Nothing overflows sideways, even on a 375 px phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("chaque page porte une politique de sécurité du contenu à nonce : aucun script sans lui, pas d'intégration dans un cadre", async ({ page }) => {
    const nonces = new Set<string>();
    // "/" twice: anonymous visitors share one rendering of it (lib/pages/shared-copies.ts), never its nonce.
    for (const path of ["/", "/inscription", "/", "/admin/connexion"]) {
      const response = await page.goto(path);
      const policy = response!.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      nonces.add(nonce!);
      // Every script the server wrote carries this request's nonce. (Chunks the framework's own
      // loader adds later, such as the error page's, need none: 'strict-dynamic' trusts what a
      // trusted script loads. A violation would be a console error, which fails the fixture.)
      const scripts = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((value) => value === nonce), path).toBe(true);
      // The page works under it: hydrated (a client component answers).
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(nonces.size, "un nonce neuf à chaque requête").toBe(4);
  });

  test("AIDE donne les deux adresses d'assistance des paramètres", async ({ page, visit }) => {
    await visit("/");
    await (await mainMenu(page)).getByRole("link", { name: "Aide" }).click();
    await expect(page).toHaveURL(/\/aide$/);
    await expect(page.getByRole("heading", { name: "Assistance" })).toBeVisible();
    await expect(page.getByRole("link", { name: "ce.acloerecrutement@ac-lille.fr" })).toHaveAttribute(
      "href",
      "mailto:ce.acloerecrutement@ac-lille.fr",
    );
    await expect(page.getByRole("link", { name: "dsden62.acloe-aesh@ac-lille.fr" })).toHaveAttribute(
      "href",
      "mailto:dsden62.acloe-aesh@ac-lille.fr",
    );
    await expect(page.getByText("en l'absence de réponse, votre candidature sera supprimée")).toBeVisible();
  });

  test("les pages accessibilité et données personnelles sont lisibles depuis le pied de page", async ({ page, visit }) => {
    await visit("/");
    await page.getByRole("link", { name: "Accessibilité : non conforme" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déclaration d'accessibilité");
    await expect(page.getByText("non conforme", { exact: false }).first()).toBeVisible();
    await visit("/donnees-personnelles");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données personnelles");
    await expect(page.getByText(/RQTH/)).toBeVisible();
  });

  test("une adresse inconnue affiche une page introuvable en français", async ({ page, consoleErrors }) => {
    consoleErrors.allow(/^HTTP 404: GET \S+\/nexiste-pas$/);
    const response = await page.goto("/nexiste-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByRole("link", { name: "Revenir à l'accueil" })).toBeVisible();
  });

  test("une adresse mal encodée reçoit un 400 en français, avec les en-têtes de sécurité", async ({ request }) => {
    for (const path of ["/verification/%FF", "/candidatures/%FF", "/fichiers/%FF", "/admin/candidatures/%E0%A4%A"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toContain("Adresse invalide");
      expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    }
  });

  test("la santé du service répond 200 avec la base et le stockage", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up", storage: "up" });
  });

  test("la tâche quotidienne refuse un appel sans le secret", async ({ request }) => {
    const response = await request.get("/api/cron/renewals");
    expect(response.status()).toBe(401);
    const wrong = await request.get("/api/cron/renewals", { headers: { Authorization: "Bearer mauvais-secret" } });
    expect(wrong.status()).toBe(401);
  });
});
