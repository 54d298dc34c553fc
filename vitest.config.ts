import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next resolves this marker in its server layer; plain Node (tests) gets an empty module.
      "server-only": path.resolve(import.meta.dirname, "scripts/node/empty-module.mjs"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    // One database, storage and inbox for the whole run: files run one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report lets .ci/run print one "N passed, N failed" line for the whole suite.
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
