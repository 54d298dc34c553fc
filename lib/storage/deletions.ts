import "server-only";
import { DeleteObjectsCommand } from "@aws-sdk/client-s3";
import { inArray, sql } from "drizzle-orm";
import type { Database, Queryable } from "../db/client";
import { storageDeletions } from "../db/schema";
import { logger } from "../logger";
import type { Storage } from "./client";

/** Records objects to delete, in the caller's transaction (the one that deletes their rows). */
export async function scheduleObjectDeletion(tx: Queryable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx
    .insert(storageDeletions)
    .values(keys.map((storageKey) => ({ storageKey })))
    .onConflictDoNothing();
}

/**
 * Deletes scheduled objects from storage (all due ones, or `keys`), then forgets them. Objects
 * storage could not delete stay scheduled, with the error, for the next run.
 */
export async function runObjectDeletions(
  deps: { db: Database; storage: Storage },
  options: { keys?: string[]; limit?: number } = {},
): Promise<{ deleted: number; failed: number }> {
  const rows = await deps.db
    .select({ key: storageDeletions.storageKey })
    .from(storageDeletions)
    .where(options.keys ? inArray(storageDeletions.storageKey, options.keys) : undefined)
    .limit(options.limit ?? 1000);
  let deleted = 0;
  let failed = 0;
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000).map((row) => row.key);
    try {
      const result = await deps.storage.client.send(
        new DeleteObjectsCommand({ Bucket: deps.storage.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      const errors = new Set((result.Errors ?? []).map((error) => error.Key));
      const done = batch.filter((key) => !errors.has(key));
      if (done.length) await deps.db.delete(storageDeletions).where(inArray(storageDeletions.storageKey, done));
      deleted += done.length;
      failed += errors.size;
    } catch (error) {
      failed += batch.length;
      await deps.db
        .update(storageDeletions)
        .set({ attempts: sql`${storageDeletions.attempts} + 1`, lastError: error instanceof Error ? error.message : String(error) })
        .where(inArray(storageDeletions.storageKey, batch));
      logger.warn("storage.deletion_failed", { count: batch.length, error });
    }
  }
  return { deleted, failed };
}
