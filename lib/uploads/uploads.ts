import "server-only";
import { randomUUID } from "node:crypto";
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound } from "@aws-sdk/client-s3";
import { createPresignedPost, type PresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Database, type Queryable, type Transaction } from "../db/client";
import { files, users } from "../db/schema";
import { logger } from "../logger";
import { getStorage, type Storage } from "../storage/client";
import { runObjectDeletions, scheduleObjectDeletion } from "../storage/deletions";
import { isUuid } from "../validation";
import { declaredFileProblem, maxUploadBytes, pdfContentType, uploadMessages } from "./rules";

/**
 * Direct-to-storage uploads (DESIGN.md "Uploads"): the app server hands out a presigned POST,
 * the browser sends the bytes to storage, and a confirm step inspects the object before
 * anything points at it. The app server never carries file bytes.
 */

export type FilePurpose = "application_attachment" | "diploma";
export type UploadDeps = { db: Database; storage: Storage };

/** The app's database and storage, for callers that take `UploadDeps` (tests pass their own). */
export const defaultUploadDeps = (): UploadDeps => ({ db: getDb(), storage: getStorage() });
export type UploadTicket = { fileId: string; url: string; fields: Record<string, string> };
export type UploadResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

/** Minutes, not hours: long enough for 20 Mo on a slow mobile line. */
export const uploadPolicySeconds = 10 * 60;
/**
 * A confirm later than the ticket's end plus this (an upload started in time may finish late)
 * is refused: a storage that does not enforce the policy's expiry must not make an old ticket
 * good forever.
 */
export const uploadConfirmGraceSeconds = 10 * 60;
export const downloadLinkSeconds = 60;

export const declaredFileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  size: z.number().int().nonnegative(),
  type: z.string().max(100),
});
export type DeclaredFile = z.output<typeof declaredFileSchema>;

/** The presigned POST: its policy pins the key, the PDF type and the size range. */
export function presignUpload(storage: Storage, key: string, expiresSeconds = uploadPolicySeconds): Promise<PresignedPost> {
  return createPresignedPost(storage.client, {
    Bucket: storage.bucket,
    Key: key,
    Conditions: [
      ["content-length-range", 1, maxUploadBytes],
      ["eq", "$Content-Type", pdfContentType],
    ],
    Fields: { "Content-Type": pdfContentType },
    Expires: expiresSeconds,
  });
}

/**
 * Uploads one person may have under way at once (tickets not yet confirmed and still usable):
 * enough for a whole application filled in a hurry, not for filling storage with objects
 * nobody confirms.
 */
export const maxOpenUploads = 10;

/** Records a pending file (server-chosen key) and returns where the browser sends it. */
export async function beginUpload(
  deps: UploadDeps,
  userId: string,
  purpose: FilePurpose,
  declared: DeclaredFile,
): Promise<UploadResult<{ ticket: UploadTicket }>> {
  const problem = declaredFileProblem(declared);
  if (problem) return { ok: false, message: problem };
  const fileId = randomUUID();
  const storageKey = `${purpose === "diploma" ? "diplomes" : "pieces-jointes"}/${fileId}.pdf`;
  const opened = await deps.db.transaction(async (tx) => {
    // One upload start at a time per person (their row locked), so parallel calls cannot all pass the count.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const [open] = await tx
      .select({ n: count() })
      .from(files)
      .where(
        and(
          eq(files.userId, userId),
          eq(files.status, "pending"),
          gt(files.createdAt, sql`now() - make_interval(secs => ${uploadPolicySeconds + uploadConfirmGraceSeconds})`),
        ),
      );
    if ((open?.n ?? 0) >= maxOpenUploads) return false;
    await tx.insert(files).values({
      id: fileId,
      userId,
      purpose,
      storageKey,
      originalName: declared.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255),
      size: declared.size,
      contentType: pdfContentType,
      status: "pending",
    });
    return true;
  });
  if (!opened) return { ok: false, message: uploadMessages.tooManyOpen };
  // The browser writes to a staging key; the confirm step copies it to `storageKey`. A policy
  // replayed after the check (it stays valid for minutes) then only reaches the staging key.
  const post = await presignUpload(deps.storage, stagingKey(fileId));
  return { ok: true, ticket: { fileId, url: post.url, fields: post.fields } };
}

/** Where the browser uploads a file before the server has checked it. */
export const stagingPrefix = "incoming/";
export function stagingKey(fileId: string): string {
  return `${stagingPrefix}${fileId}.pdf`;
}

/**
 * Moves the uploaded object from its staging key to its final key. The copy is a snapshot: what
 * is checked next is exactly what will be kept. False when nothing was uploaded.
 */
async function promoteUpload(storage: Storage, fileId: string, finalKey: string): Promise<boolean> {
  const source = stagingKey(fileId);
  try {
    // The kept object's type and disposition are the server's, whatever the browser sent: a file
    // stored as text/html would run script on the storage's origin when opened.
    await storage.client.send(
      new CopyObjectCommand({
        Bucket: storage.bucket,
        Key: finalKey,
        CopySource: `${storage.bucket}/${source}` /* server-chosen: [a-z0-9/-.] only */,
        MetadataDirective: "REPLACE",
        ContentType: pdfContentType,
        ContentDisposition: "attachment",
      }),
    );
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
  await storage.client.send(new DeleteObjectCommand({ Bucket: storage.bucket, Key: source }));
  return true;
}

/** HEAD for the size, the first five bytes for the PDF signature. */
export async function inspectStoredPdf(storage: Storage, key: string): Promise<{ ok: true; size: number } | { ok: false; message: string }> {
  let size: number;
  try {
    const head = await storage.client.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key }));
    size = head.ContentLength ?? 0;
  } catch (error) {
    if (isNotFound(error)) return { ok: false, message: uploadMessages.missing };
    throw error;
  }
  if (size === 0) return { ok: false, message: uploadMessages.empty };
  if (size > maxUploadBytes) return { ok: false, message: uploadMessages.tooLarge };
  const start = await storage.client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key, Range: "bytes=0-4" }));
  const bytes = Buffer.from((await start.Body?.transformToByteArray()) ?? []);
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") return { ok: false, message: uploadMessages.notPdf };
  return { ok: true, size };
}

function isNotFound(error: unknown): boolean {
  const candidate = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return candidate?.name === "NotFound" || candidate?.name === "NoSuchKey" || candidate?.Code === "NoSuchKey" || candidate?.$metadata?.httpStatusCode === 404;
}

/** Thrown by an `attach` callback to refuse the link (nothing is written). */
export class UploadRefused extends Error {}

/**
 * Confirms the caller's pending file. A bad object is deleted and the file marked rejected.
 * A good one becomes `ready` and `attach` links it (in the same transaction) and returns the
 * storage keys it replaced, deleted from storage once the database has committed. Without
 * `attach` (a form not yet sent, as for diplomas), the file is only marked verified: it stays
 * `pending` until `claimVerifiedFile` links it, and the daily job sweeps it if that never happens.
 */
export async function confirmUpload(
  deps: UploadDeps,
  userId: string,
  fileId: string,
  attach?: (tx: Transaction, file: { id: string }) => Promise<string[]>,
  purpose?: FilePurpose,
): Promise<UploadResult> {
  if (!isUuid(fileId)) return { ok: false, message: uploadMessages.missing };
  const [file] = await deps.db
    .select({ id: files.id, key: files.storageKey, status: files.status, purpose: files.purpose, confirmedAt: files.confirmedAt, createdAt: files.createdAt })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.userId, userId)));
  if (!file || file.status !== "pending" || (purpose && file.purpose !== purpose)) return { ok: false, message: uploadMessages.missing };
  if (!attach && file.confirmedAt) return { ok: true };
  const expired = Date.now() - file.createdAt.getTime() > (uploadPolicySeconds + uploadConfirmGraceSeconds) * 1000;
  let inspected: { ok: true; size: number } | { ok: false; message: string };
  try {
    const promoted = !expired && (await promoteUpload(deps.storage, file.id, file.key));
    inspected = expired
      ? { ok: false as const, message: uploadMessages.expired }
      : promoted
        ? await inspectStoredPdf(deps.storage, file.key)
        : { ok: false as const, message: uploadMessages.missing };
  } catch (error) {
    // Storage did not answer: nothing is decided, the file stays pending and the same confirm
    // can be tried again (the daily job sweeps it, and its objects, if it never is).
    logger.warn("upload.storage_unavailable", { fileId: file.id, error });
    return { ok: false, message: uploadMessages.unavailable };
  }
  if (!inspected.ok) {
    // The staging object goes too (an expired ticket's upload is never promoted).
    const keys = [file.key, stagingKey(file.id)];
    await deps.db.transaction(async (tx) => {
      await tx.update(files).set({ status: "rejected" }).where(eq(files.id, file.id));
      await scheduleObjectDeletion(tx, keys);
    });
    await runObjectDeletions(deps, { keys });
    logger.info("upload.rejected", { fileId: file.id, reason: inspected.message.slice(0, 40) });
    return inspected;
  }
  if (!attach) {
    await deps.db.update(files).set({ size: inspected.size, confirmedAt: new Date() }).where(eq(files.id, file.id));
    return { ok: true };
  }
  let replaced: string[];
  try {
    replaced = await deps.db.transaction(async (tx) => {
      // The row lock makes a double confirm (two tabs, a retried request) attach once.
      const [locked] = await tx.select({ status: files.status }).from(files).where(eq(files.id, file.id)).for("update");
      if (locked?.status !== "pending") throw new UploadRefused(uploadMessages.missing);
      await tx.update(files).set({ status: "ready", size: inspected.size, confirmedAt: new Date() }).where(eq(files.id, file.id));
      const keys = await attach(tx, file);
      await scheduleObjectDeletion(tx, keys);
      return keys;
    });
  } catch (error) {
    if (error instanceof UploadRefused) return { ok: false, message: error.message };
    throw error;
  }
  if (replaced.length) await runObjectDeletions(deps, { keys: replaced });
  return { ok: true };
}

/**
 * Links a verified upload to the record a form creates: the caller's own, verified, still
 * unlinked file of that purpose becomes `ready`. Null when it is none of those.
 */
export async function claimVerifiedFile(tx: Transaction, userId: string, fileId: string, purpose: FilePurpose): Promise<{ id: string } | null> {
  const [file] = await tx
    .select({ id: files.id, confirmedAt: files.confirmedAt })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.userId, userId), eq(files.purpose, purpose), eq(files.status, "pending")))
    .for("update");
  if (!file?.confirmedAt) return null;
  await tx.update(files).set({ status: "ready" }).where(eq(files.id, file.id));
  return { id: file.id };
}

/** A short-lived link that downloads the file under its original name. */
export function downloadLink(storage: Storage, file: { storageKey: string; originalName: string }): Promise<string> {
  const fallback = file.originalName.replace(/[^\w.\- ]/g, "_");
  const disposition = `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`;
  return getSignedUrl(
    storage.client,
    new GetObjectCommand({ Bucket: storage.bucket, Key: file.storageKey, ResponseContentDisposition: disposition, ResponseContentType: pdfContentType }),
    { expiresIn: downloadLinkSeconds },
  );
}

export type Download = { url: string } | { problem: "missing" | "unavailable" };

/**
 * A download link, once storage has said the object is there: a link made while storage is
 * down (or to an object lost from it) would send the person to the storage's own error page,
 * in English. A missing object or a storage that does not answer within 5 s gets a French
 * answer from us instead (see app/_data/downloads.ts).
 */
export async function openDownload(storage: Storage, file: { storageKey: string; originalName: string }): Promise<Download> {
  try {
    await storage.client.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: file.storageKey }), { abortSignal: AbortSignal.timeout(5_000) });
  } catch (error) {
    if (!(error instanceof NotFound)) logger.warn("download.storage_unavailable", { error });
    return { problem: error instanceof NotFound ? "missing" : "unavailable" };
  }
  return { url: await downloadLink(storage, file) };
}

/** The owner's confirmed file, or null (another person's id, a pending or rejected upload). */
export async function findOwnFile(db: Queryable, userId: string, fileId: string): Promise<{ storageKey: string; originalName: string } | null> {
  if (!isUuid(fileId)) return null;
  const [file] = await db
    .select({ storageKey: files.storageKey, originalName: files.originalName })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.userId, userId), eq(files.status, "ready")));
  return file ?? null;
}
