import "server-only";
import { count, inArray, min } from "drizzle-orm";
import { recordAudit } from "../audit/audit";
import type { Database } from "../db/client";
import { emailOutbox } from "../db/schema";
import { lastJobRuns } from "../renewals/staff-view";
import { assertAdmin, staffActor, type StaffMember } from "../staff/access";
import type { Storage } from "../storage/client";
import { checkStorage, type StorageCheck } from "../storage/self-check";
import { checkHealth } from "./check";

type Deps = { db: Database; storage: Storage };

/**
 * "État du service", for admins: what `/api/health` tells a load balancer, plus what an admin
 * needs to act on — mail waiting or refused for good, and the daily job's last run.
 */
export async function serviceState(staff: StaffMember, deps: Deps) {
  assertAdmin(staff);
  const [health, mail, runs] = await Promise.all([
    checkHealth(deps),
    deps.db
      .select({ status: emailOutbox.status, count: count(), oldest: min(emailOutbox.createdAt) })
      .from(emailOutbox)
      .where(inArray(emailOutbox.status, ["pending", "failed"]))
      .groupBy(emailOutbox.status)
      .catch(() => null),
    lastJobRuns(deps.db, 1).catch(() => null),
  ]);
  const mailOf = (status: "pending" | "failed") => mail?.find((row) => row.status === status);
  return {
    health,
    mail: mail && { waiting: mailOf("pending")?.count ?? 0, oldestWaiting: mailOf("pending")?.oldest ?? null, failed: mailOf("failed")?.count ?? 0 },
    lastRun: runs?.[0] ?? null,
  };
}

/**
 * The go-live check of `npm run storage:check`, run from the admin space: the same checks
 * against the configured storage, journaled with its outcome (it writes and deletes test
 * objects under `controle-stockage/`).
 */
export async function checkStorageAsAdmin(
  staff: StaffMember,
  deps: Deps & { config: { endpoint: string; forcePathStyle: boolean; appUrl: string } },
): Promise<StorageCheck[]> {
  assertAdmin(staff);
  const results = await checkStorage(deps.storage, deps.config);
  const failed = results.filter((result) => !result.ok).map((result) => result.name);
  await recordAudit(deps.db, {
    actor: staffActor(staff),
    action: "storage.checked",
    entityType: "storage",
    details: { checks: results.length, failed },
  });
  return results;
}
