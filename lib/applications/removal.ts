import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { personActor, recordAudit, type AuditActor } from "../audit/audit";
import { getDb, type Database, type Transaction } from "../db/client";
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

/**
 * Deletes an application's rows in the caller's transaction (the row must be locked by it):
 * its files, an anonymous `deleted_applications` trace and an audit entry. Returns the storage
 * keys scheduled for deletion (delete them after commit) and what the last mail needs.
 */
export async function removeApplicationRows(
  tx: Transaction,
  applicationId: string,
  reason: "candidate_request" | "no_renewal_answer" | "retention",
  actor: AuditActor,
): Promise<{ keys: string[]; postTypeLabel: string; userId: string }> {
  const [application] = await tx
    .select({ application: applications, postTypeLabel: postTypes.label })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(eq(applications.id, applicationId));
  if (!application) throw new Error(`application ${applicationId} vanished inside its transaction`);
  const attached = await tx
    .select({ fileId: files.id, key: files.storageKey })
    .from(applicationAttachments)
    .innerJoin(files, eq(files.id, applicationAttachments.fileId))
    .where(eq(applicationAttachments.applicationId, applicationId));
  await tx.insert(deletedApplications).values({
    postTypeLabel: application.postTypeLabel,
    status: application.application.status,
    submittedAt: application.application.submittedAt,
    validUntil: application.application.validUntil,
    renewalNoticeSentAt: application.application.renewalNoticeSentAt,
    reason,
  });
  await tx.delete(applications).where(eq(applications.id, applicationId));
  // A renewal notice or reminder still waiting for SMTP would now speak of a deleted application.
  await cancelPendingMails(tx, applicationId, renewalTemplates);
  const keys = attached.map((row) => row.key);
  if (attached.length) {
    await tx.delete(files).where(inArray(files.id, attached.map((row) => row.fileId)));
    await scheduleObjectDeletion(tx, keys);
  }
  await recordAudit(tx, {
    actor,
    action: reason === "no_renewal_answer" ? "application.deleted_without_answer" : reason === "retention" ? "application.deleted_after_retention" : "application.deleted",
    entityType: "application",
    entityId: applicationId,
    details: { postType: application.postTypeLabel, files: attached.length },
  });
  return { keys, postTypeLabel: application.postTypeLabel, userId: application.application.userId };
}
