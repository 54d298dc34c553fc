import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, getDb, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { startEmbeddedDatabase } from "../../scripts/services/embedded-database";

// DESIGN.md's domain model (its table names are part of the contract), plus login throttling
// and the queue of storage objects to delete.
const domainTables = [
  "application_attachments",
  "application_messages",
  "application_teaching_types",
  "application_working_times",
  "application_zones",
  "applications",
  "attachment_types",
  "audit_log",
  "auth_throttle",
  "candidate_recovery_codes",
  "deleted_applications",
  "diploma_types",
  "diplomas",
  "email_outbox",
  "files",
  "job_locks",
  "job_runs",
  "post_types",
  "settings",
  "staff_departements",
  "staff_notes",
  "staff_passkeys",
  "staff_recovery_codes",
  "staff_sessions",
  "staff_totp",
  "status_events",
  "storage_deletions",
  "teaching_types",
  "tokens",
  "users",
  "webauthn_challenges",
  "working_times",
  "zones",
];

async function publicTables(db: Database): Promise<string[]> {
  const rows = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return Array.from(rows, (row) => row.table_name);
}

describe("migrations", () => {
  it("built the test database (PostgreSQL when DATABASE_URL is set, PGlite otherwise) with every domain table", async () => {
    expect(await publicTables(getDb())).toEqual(expect.arrayContaining(domainTables));
  });

  describe("on a fresh embedded PGlite", () => {
    let stop: (() => Promise<void>) | undefined;
    afterAll(async () => stop?.());

    it("apply from nothing, then again as a no-op, and enforce the constraints", async () => {
      const embedded = await startEmbeddedDatabase({});
      const connection = createDatabase(embedded.url, { max: 1 });
      stop = async () => {
        await connection.sql.end({ timeout: 5 });
        await embedded.stop();
      };
      expect(await publicTables(connection.db)).toEqual([]);

      await applyMigrations(connection.db);
      await applyMigrations(connection.db);
      expect(await publicTables(connection.db)).toEqual(domainTables);

      await connection.sql`insert into users (identifier, password_hash) values ('a@exemple.fr', 'x')`;
      await expect(
        connection.sql`insert into users (identifier, password_hash) values ('a@exemple.fr', 'y')`,
      ).rejects.toThrow(/users_identifier_key/);
      await expect(
        connection.sql`insert into diploma_types (label, level) values ('Brevet', 2)`,
      ).rejects.toThrow(/diploma_types_level_range/);
    });
  });
});
