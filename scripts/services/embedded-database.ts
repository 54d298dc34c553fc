import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { UnitQueryQueue } from "./pglite-queue";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * PGlite (PostgreSQL compiled to WASM) behind a PostgreSQL wire-protocol socket, so the app,
 * migrations and CLIs reach it through postgres.js exactly as they reach a real server.
 * `dataDir` persists it; without one it lives in memory (tests).
 */
export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number }): Promise<EmbeddedDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // pg_trgm: the staff search's trigram index (a standard contrib module on PostgreSQL servers).
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 32 });
  // Connections share one PGlite session: keep each one's unit of work together (see the queue).
  (server as unknown as { queryQueue: UnitQueryQueue }).queryQueue = new UnitQueryQueue(pglite);
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
