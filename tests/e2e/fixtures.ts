import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { e2eInboxUrl } from "./ports";

/** Fails on any serious or critical axe-core violation (WCAG 2.1 A/AA rules) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe-core sur ${page.url()}`,
  ).toEqual([]);
}

/**
 * The main navigation, opened first where it sits behind its "Menu" button (below 640 px):
 * what a person on a phone does before following a link of it.
 */
export async function mainMenu(page: Page) {
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  const toggle = nav.getByRole("button", { name: "Menu", exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") {
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
  return nav;
}

type Fixtures = {
  visit: (path: string) => Promise<void>;
  inboxUrl: string;
  /** Browser errors a test expects (e.g. the 404 of a page it asked for on purpose). */
  consoleErrors: { allow: (pattern: RegExp) => void; isAllowed: (text: string) => boolean };
};

/**
 * `page` fails the test on any console error or uncaught page error; `visit` navigates and
 * runs the accessibility check on what it reached; the page a test ends on is checked too.
 */
export const test = base.extend<Fixtures>({
  consoleErrors: async ({}, provide) => {
    const allowed: RegExp[] = [];
    await provide({
      allow: (pattern) => void allowed.push(pattern),
      isAllowed: (text) => allowed.some((pattern) => pattern.test(text)),
    });
  },
  page: async ({ page, consoleErrors }, provide) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && !text.startsWith("Failed to load resource") && !consoleErrors.isAllowed(text)) {
        problems.push(`console.error: ${text}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("response", (response) => {
      const text = `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`;
      if (response.status() >= 400 && !consoleErrors.isAllowed(text)) problems.push(text);
    });
    await provide(page);
    if (page.url().startsWith("http")) await expectAccessible(page);
    expect(problems, "erreurs dans la console du navigateur").toEqual([]);
  },
  visit: async ({ page }, provide) => {
    await provide(async (path) => {
      const response = await page.goto(path);
      expect(response?.status(), `GET ${path}`).toBeLessThan(400);
      await expectAccessible(page);
    });
  },
  inboxUrl: e2eInboxUrl,
});

export { expect };
