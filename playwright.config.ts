import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { e2eBaseUrl } from "./tests/e2e/ports";

// A system Chromium (Debian's `chromium`), else Playwright's own browser where one was installed.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  // Journeys hash passwords with scrypt (0.6 s each on two cores): room for a busy machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: e2eBaseUrl,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // `*.telephone.spec.ts`: journeys about phones (375 and 320 px), run at phone size only;
    // `*.ordinateur.spec.ts`: journeys at a desk (keyboard only), at desktop size only.
    { name: "ordinateur", use: { viewport: { width: 1280, height: 800 } }, testIgnore: /\.telephone\.spec\.ts$/ },
    { name: "telephone", use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }, testIgnore: /\.ordinateur\.spec\.ts$/ },
  ],
  webServer: {
    // The production build (`npm run build` ran before) on fresh services.
    command: "node_modules/.bin/tsx --import ./scripts/node/register.mjs scripts/e2e-server.ts",
    url: `${e2eBaseUrl}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
