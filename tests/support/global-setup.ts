import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { presentEnv } from "../../lib/env";
import { startStack, type Stack } from "../../scripts/stack";

// Vitest's typed inject() is declared by augmenting its interface.
declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    inboxUrl: string;
    /** Tests of concurrent requests can only fail on a server with several connections. */
    realPostgres: boolean;
  }
}

let stack: Stack | undefined;
let dataDir: string | undefined;

/**
 * Real services for the whole run: a fresh database built from the migrations (a new
 * database on the PostgreSQL of DATABASE_URL when set, else an in-memory PGlite), a local
 * S3-protocol server and an SMTP catcher. Their settings reach the test files through the
 * environment, read by lib/env like in production.
 */
export async function setup(project: TestProject) {
  // Read before the stack fills the environment with its own (embedded) database.
  const realPostgres = Boolean(presentEnv().DATABASE_URL);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "aesh-vitest-"));
  stack = await startStack({
    dataDir,
    ephemeralDatabase: true,
    freshDatabaseName: "aesh_vitest",
    alwaysEmbed: ["storage", "mail"],
    appPort: 3999,
    ports: { database: 0, storage: 0, smtp: 0, inbox: 0 },
  });
  if (!stack.inboxUrl) throw new Error("the test stack has no mail catcher");
  project.provide("inboxUrl", stack.inboxUrl);
  project.provide("realPostgres", realPostgres);
  if (!realPostgres) {
    console.warn(
      "DATABASE_URL n'est pas défini : base PGlite embarquée (une seule connexion). Les tests de concurrence (marqués « sur PostgreSQL ») sont ignorés ici, car ils ne pourraient pas échouer ; ils tournent en CI et avec DATABASE_URL=postgres://…",
    );
  }
}

export async function teardown() {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
