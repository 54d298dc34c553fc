import "server-only";
import { and, eq } from "drizzle-orm";
import { personActor, recordAudit } from "../audit/audit";
import type { Queryable } from "../db/client";
import { applicationAttachments, applications, attachmentTypes, files } from "../db/schema";
import { runObjectDeletions, scheduleObjectDeletion } from "../storage/deletions";
import { uploadMessages } from "../uploads/rules";
import { beginUpload, confirmUpload, defaultUploadDeps, UploadRefused, type DeclaredFile, type UploadDeps, type UploadResult, type UploadTicket } from "../uploads/uploads";
import { isUuid } from "../validation";
import { refreshCompleteness } from "./commands";
import { canEditAttachments } from "./status";

/** "Pièces jointes" of an application: the candidate adds, replaces and deletes them. */

/**
 * The owner's application and one of its post type's active attachment types, or null. With
 * `lock`, the application row is locked for the caller's transaction: two uploads at once (or
 * an upload and a staff decision) then take turns, and the completeness each one records is
 * computed on what the other committed.
 */
async function findSlot(tx: Queryable, userId: string, applicationId: string, attachmentTypeId: string, lock = false) {
  if (!isUuid(applicationId) || !isUuid(attachmentTypeId)) return null;
  const query = tx
    .select({ status: applications.status, label: attachmentTypes.label })
    .from(applications)
    .innerJoin(attachmentTypes, and(eq(attachmentTypes.postTypeId, applications.postTypeId), eq(attachmentTypes.id, attachmentTypeId), eq(attachmentTypes.active, true)))
    .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)));
  const [slot] = lock ? await query.for("update", { of: applications }) : await query;
  return slot ?? null;
}

export type AttachmentResult<T = object> = UploadResult<T> | { ok: false; notFound: true };

export async function startAttachmentUpload(
  userId: string,
  applicationId: string,
  attachmentTypeId: string,
  declared: DeclaredFile,
  uploadDeps: UploadDeps = defaultUploadDeps(),
): Promise<AttachmentResult<{ ticket: UploadTicket }>> {
  const slot = await findSlot(uploadDeps.db, userId, applicationId, attachmentTypeId);
  if (!slot) return { ok: false, notFound: true };
  if (!canEditAttachments(slot.status)) return { ok: false, message: uploadMessages.locked };
  return beginUpload(uploadDeps, userId, "application_attachment", declared);
}

/** Checks the stored object, then links it in place of any previous file of that type. */
export async function confirmAttachmentUpload(
  userId: string,
  applicationId: string,
  attachmentTypeId: string,
  fileId: string,
  uploadDeps: UploadDeps = defaultUploadDeps(),
): Promise<AttachmentResult> {
  if (!isUuid(fileId) || !(await findSlot(uploadDeps.db, userId, applicationId, attachmentTypeId))) return { ok: false, notFound: true };
  return confirmUpload(uploadDeps, userId, fileId, async (tx, file) => {
    const slot = await findSlot(tx, userId, applicationId, attachmentTypeId, true);
    if (!slot || !canEditAttachments(slot.status)) throw new UploadRefused(uploadMessages.locked);
    const [previous] = await tx
      .select({ fileId: files.id, key: files.storageKey })
      .from(applicationAttachments)
      .innerJoin(files, eq(files.id, applicationAttachments.fileId))
      .where(and(eq(applicationAttachments.applicationId, applicationId), eq(applicationAttachments.attachmentTypeId, attachmentTypeId)))
      .for("update", { of: applicationAttachments });
    if (previous) await tx.delete(files).where(eq(files.id, previous.fileId));
    await tx.insert(applicationAttachments).values({ applicationId, attachmentTypeId, fileId: file.id });
    await refreshCompleteness(tx, [applicationId]);
    await recordAudit(tx, {
      actor: await personActor(tx, userId),
      action: previous ? "application.attachment_replaced" : "application.attachment_added",
      entityType: "application",
      entityId: applicationId,
      details: { attachmentType: slot.label, fileId: file.id },
    });
    return previous ? [previous.key] : [];
  }, "application_attachment");
}

/** Removes the file given for an attachment type; the object goes once the rows are gone. */
export async function deleteAttachment(userId: string, applicationId: string, attachmentTypeId: string, uploadDeps: UploadDeps = defaultUploadDeps()): Promise<AttachmentResult> {
  const result = await uploadDeps.db.transaction(async (tx) => {
    const slot = await findSlot(tx, userId, applicationId, attachmentTypeId, true);
    if (!slot) return { ok: false as const, notFound: true as const };
    if (!canEditAttachments(slot.status)) return { ok: false as const, message: uploadMessages.locked };
    const [attached] = await tx
      .select({ fileId: files.id, key: files.storageKey })
      .from(applicationAttachments)
      .innerJoin(files, eq(files.id, applicationAttachments.fileId))
      .where(and(eq(applicationAttachments.applicationId, applicationId), eq(applicationAttachments.attachmentTypeId, attachmentTypeId)));
    if (!attached) return { ok: false as const, notFound: true as const };
    await tx.delete(files).where(eq(files.id, attached.fileId));
    await scheduleObjectDeletion(tx, [attached.key]);
    await refreshCompleteness(tx, [applicationId]);
    await recordAudit(tx, {
      actor: await personActor(tx, userId),
      action: "application.attachment_deleted",
      entityType: "application",
      entityId: applicationId,
      details: { attachmentType: slot.label },
    });
    return { ok: true as const, key: attached.key };
  });
  if (!result.ok) return result;
  await runObjectDeletions(uploadDeps, { keys: [result.key] });
  return { ok: true };
}
