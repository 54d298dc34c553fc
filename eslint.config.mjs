import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // Configuration is read in one place (lib/env.ts), validated, typed.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Lisez la configuration par env() de lib/env.ts." },
      ],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.tsx"],
    // French copy is full of apostrophes; JSX renders them safely.
    rules: { "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }] },
  },
  {
    // Where configuration is read or handed down: the env module, the configs, and the e2e
    // helper that runs a CLI against the test stack.
    files: ["lib/env.ts", "instrumentation.ts", "*.config.{ts,mjs,cjs}", ".dependency-cruiser.cjs", "tests/e2e/staff.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
