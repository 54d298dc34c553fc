import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { applyEnv, presentEnv } from "../lib/env";

const devEnvFile = path.resolve(".data", "dev-env.json");

/** While `npm run dev` runs, it publishes its configuration so CLIs reach the same services. */
export async function publishDevEnv(values: Record<string, string>): Promise<void> {
  await writeFile(devEnvFile, JSON.stringify(values, null, 2), { mode: 0o600 });
}

export async function withdrawDevEnv(): Promise<void> {
  await rm(devEnvFile, { force: true });
}

/**
 * For CLIs: variables set in the environment win; the others come from a running
 * `npm run dev`. Without either, env validation names what is missing.
 */
export async function loadCliEnv(): Promise<void> {
  const published = await readFile(devEnvFile, "utf8")
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => ({}) as Record<string, string>);
  const given = presentEnv();
  applyEnv(Object.fromEntries(Object.entries(published).filter(([name]) => !(name in given))));
}

/** Runs a CLI's main, prints a French error without a stack trace for expected failures. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await loadCliEnv();
    await main();
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
