import { inject, it } from "vitest";

/**
 * A test of requests racing each other. On the embedded single-connection PGlite they would
 * run one after another and could not fail, so they run only on a real PostgreSQL (CI sets
 * DATABASE_URL); the global setup says so when they are skipped.
 */
export function itOnPostgres(name: string, test: () => Promise<void>) {
  return it.runIf(inject("realPostgres"))(`${name} (sur PostgreSQL)`, test);
}
