import "server-only";
import { and, eq } from "drizzle-orm";
import { personActor, recordAudits, type AuditActor } from "../audit/audit";
import { getDb, type Database, type Transaction } from "../db/client";
import { inUuids } from "../db/conditions";
import { applicationAttachments, applications, deletedApplications, files, postTypes } from "../db/schema";
import { cancelPendingMails } from "../mail/outbox";
import { renewalTemplates } from "../renewals/templates";
import { getStorage, type Storage } from "../storage/client";
import { runObjectDeletions, scheduleObjectDeletion } from "../storage/deletions";
import { isUuid } from "../validation";

/** Removing an application: by its candidate ("Supprimer"), or by the daily job without an answer. */

/**
 * "Supprimer": the rows go in one transaction (with an anonymous trace and an audit entry);
 * the stored objects are deleted after commit, and retried by the daily job if storage fails.
 */
export async function deleteApplication(
  userId: string,
  applicationId: string,
  deps: { db: Database; storage: Storage } = { db: getDb(), storage: getStorage() },
): Promise<boolean> {
  if (!isUuid(applicationId)) return false;
  const removed = await deps.db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)))
      .for("update");
    if (!owned) return null;
    return removeApplicationRows(tx, applicationId, "candidate_request", await personActor(tx, userId));
  });
  if (removed === null) return false;
  if (removed.keys.length) await runObjectDeletions(deps, { keys: removed.keys });
  return true;
}

type RemovalReason = "candidate_request" | "no_renewal_answer" | "retention";

/** A removed application: its storage keys (delete them after commit) and what the last mail needs. */
export type RemovedApplication = { id: string; keys: string[]; postTypeLabel: string; userId: string };

/**
 * Deletes an application's rows in the caller's transaction (the row must be locked by it):
 * its files, an anonymous `deleted_applications` trace and an audit entry. Returns the storage
 * keys scheduled for deletion (delete them after commit) and what the last mail needs.
 */
export async function removeApplicationRows(tx: Transaction, applicationId: string, reason: RemovalReason, actor: AuditActor): Promise<RemovedApplication> {
  const [removed] = await removeApplicationsRows(tx, [applicationId], reason, actor);
  if (!removed) throw new Error(`application ${applicationId} vanished inside its transaction`);
  return removed;
}

/**
 * The same for many applications (the daily job's batches), in the same statements whatever
 * their number: one per table. Ids not found are skipped.
 */
export async function removeApplicationsRows(tx: Transaction, applicationIds: string[], reason: RemovalReason, actor: AuditActor): Promise<RemovedApplication[]> {
  if (applicationIds.length === 0) return [];
  const found = await tx
    .select({ application: applications, postTypeLabel: postTypes.label })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(inUuids(applications.id, applicationIds));
  if (found.length === 0) return [];
  const ids = found.map((row) => row.application.id);
  const attached = await tx
    .select({ applicationId: applicationAttachments.applicationId, fileId: files.id, key: files.storageKey })
    .from(applicationAttachments)
    .innerJoin(files, eq(files.id, applicationAttachments.fileId))
    .where(inUuids(applicationAttachments.applicationId, ids));
  await tx.insert(deletedApplications).values(
    found.map(({ application, postTypeLabel }) => ({
      postTypeLabel,
      status: application.status,
      submittedAt: application.submittedAt,
      validUntil: application.validUntil,
      renewalNoticeSentAt: application.renewalNoticeSentAt,
      reason,
    })),
  );
  await tx.delete(applications).where(inUuids(applications.id, ids));
  // A renewal notice or reminder still waiting for SMTP would now speak of a deleted application.
  await cancelPendingMails(tx, ids, renewalTemplates);
  if (attached.length) {
    await tx.delete(files).where(inUuids(files.id, attached.map((row) => row.fileId)));
    await scheduleObjectDeletion(tx, attached.map((row) => row.key));
  }
  const removed = found.map(({ application, postTypeLabel }) => ({
    id: application.id,
    keys: attached.filter((row) => row.applicationId === application.id).map((row) => row.key),
    postTypeLabel,
    userId: application.userId,
  }));
  const action = reason === "no_renewal_answer" ? "application.deleted_without_answer" : reason === "retention" ? "application.deleted_after_retention" : "application.deleted";
  await recordAudits(
    tx,
    removed.map((item) => ({ actor, action, entityType: "application", entityId: item.id, details: { postType: item.postTypeLabel, files: item.keys.length } })),
  );
  return removed;
}
