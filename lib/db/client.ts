import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "../env";
import * as schema from "./schema";

/** `$client`: the driver itself, for what drizzle does not offer (a cursor, in the streamed exports). */
export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
/** A transaction handle: inside `db.transaction`, every query must go through it. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Code that runs either on its own or inside a caller's transaction. */
export type Queryable = Database | Transaction;

type Connection = { sql: postgres.Sql; db: Database };

// Kept on globalThis so that hot reload in development does not open a new pool each time.
const holder = globalThis as typeof globalThis & { __aeshDb?: Connection };

export function createDatabase(url: string, options: { max?: number } = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    // postgres.js waits up to 20 s between reconnections once a few have failed (3^n / 100 s):
    // after a database restart of two seconds, requests then waited 15 to 25 s for a database
    // that was long back (tests/integration/database-restart.test.ts). At most half a second.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    // Unnamed statements only: the embedded PGlite serves every connection from one session,
    // where named statements of different processes collide; transaction poolers (PgBouncer,
    // Neon, Supabase) need the same in production.
    prepare: false,
    onnotice: () => {},
  });
  return { sql, db: drizzle({ client: sql, schema }) };
}

export function getDb(): Database {
  holder.__aeshDb ??= createDatabase(env().DATABASE_URL, { max: env().DATABASE_POOL_MAX });
  return holder.__aeshDb.db;
}

export async function closeDb(): Promise<void> {
  const connection = holder.__aeshDb;
  holder.__aeshDb = undefined;
  await connection?.sql.end({ timeout: 5 });
}
