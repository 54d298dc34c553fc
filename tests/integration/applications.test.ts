import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { itOnPostgres } from "../support/concurrency";
import { exportAccountData } from "@/lib/accounts/account";
import { createApplication, updateApplication } from "@/lib/applications/commands";
import { findApplication, loadApplications } from "@/lib/applications/queries";
import { deleteApplication } from "@/lib/applications/removal";
import { confirmAttachmentUpload, deleteAttachment, startAttachmentUpload } from "@/lib/applications/attachments";
import type { RawApplicationForm } from "@/lib/applications/form-fields";
import { getDb } from "@/lib/db/client";
import { applications, attachmentTypes, auditLog, deletedApplications, files, postTypes, statusEvents, storageDeletions, teachingTypes, workingTimes, zones } from "@/lib/db/schema";
import { addMonths, todayIso } from "@/lib/format/date";
import { getStorage } from "@/lib/storage/client";
import { getMailer } from "@/lib/mail/transport";
import { runDailyJob } from "@/lib/renewals/daily-job";
import { runObjectDeletions } from "@/lib/storage/deletions";
import { uploadMessages } from "@/lib/uploads/rules";
import { downloadResponse } from "@/app/_data/downloads";
import { findOwnFile, maxOpenUploads, openDownload, presignUpload, stagingKey, uploadConfirmGraceSeconds, uploadPolicySeconds } from "@/lib/uploads/uploads";
import { applicationForm } from "../support/applications";
import { insertCandidate } from "../support/factories";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { postToStorage, stoppedStorage, stored } from "../support/storage";

const db = () => getDb();

async function reference() {
  const [postType] = await db().select().from(postTypes).where(eq(postTypes.label, "AESH EN PIAL INTER-DEGRE"));
  const [aesh] = await db().select().from(teachingTypes).where(eq(teachingTypes.label, "AESH"));
  const zoneRows = await db().select().from(zones).where(eq(zones.active, true));
  const zone = (label: string) => zoneRows.find((row) => row.label === label)!.id;
  const [fullTime] = await db().select().from(workingTimes).where(eq(workingTimes.label, "Temps plein"));
  const [identity] = await db()
    .select()
    .from(attachmentTypes)
    .where(and(eq(attachmentTypes.postTypeId, postType!.id), eq(attachmentTypes.label, "Pièce d'identité")));
  return { postTypeId: postType!.id, aesh: aesh!.id, zone, fullTime: fullTime!.id, identity: identity!.id };
}

async function form(overrides: Partial<RawApplicationForm> = {}): Promise<RawApplicationForm> {
  const ref = await reference();
  return applicationForm({
    teachingType1: ref.aesh,
    teachingType2: ref.aesh,
    zones: [ref.zone("CAMBRESIS - BASSIN 9"), ref.zone("DOUAIS - BASSIN 6")],
    workingTimes: [ref.fullTime],
    rqth: "undisclosed",
    ...overrides,
  });
}

async function candidateWithApplication(prefix: string) {
  const candidate = await insertCandidate(prefix);
  const created = await createApplication(candidate.id, await form());
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { ...candidate, applicationId: created.id };
}

async function fileRow(id: string) {
  const [row] = await db().select().from(files).where(eq(files.id, id));
  return row;
}

/** Asks for a presigned POST for the identity document, declaring `declaredSize` bytes. */
async function startUpload(userId: string, applicationId: string, declaredSize: number) {
  const ref = await reference();
  const started = await startAttachmentUpload(userId, applicationId, ref.identity, { name: "cni.pdf", size: declaredSize, type: "application/pdf" });
  if (!started.ok) throw new Error("upload refused");
  return { ticket: started.ticket, attachmentTypeId: ref.identity };
}

/** Starts an upload of the identity document and sends `body` to storage, as the browser does. */
async function uploadIdentity(userId: string, applicationId: string, body: Buffer) {
  const upload = await startUpload(userId, applicationId, body.length);
  const response = await postToStorage(upload.ticket, body);
  expect(response.status).toBeLessThan(300);
  return upload;
}

describe("applications", () => {
  it("accepts an incomplete application, dates its validity and lists what is missing", async () => {
    const candidate = await insertCandidate("incomplete");
    const ref = await reference();
    const created = await createApplication(candidate.id, await form({ teachingType1: "", teachingType2: "", zones: [], workingTimes: [] }));
    expect(created.ok).toBe(true);
    const [application] = await loadApplications(db(), candidate.id);
    expect(application).toMatchObject({ status: "submitted", validUntil: addMonths(todayIso(), 6), postType: { id: ref.postTypeId } });
    expect(application!.missing.map((item) => item.message)).toEqual([
      "Veuillez indiquer un type d'enseignement",
      "Veuillez indiquer une zone",
      "Veuillez indiquer une quotité",
      "Veuillez joindre : Pièce d'identité",
    ]);
    const events = await db().select().from(statusEvents).where(eq(statusEvents.applicationId, application!.id));
    expect(events.map((event) => event.kind)).toEqual(["submitted"]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, application!.id));
    expect(audit.map((entry) => entry.action)).toEqual(["application.created"]);
  });

  it("keeps the wishes in the chosen order and allows one application per post type", async () => {
    const { id, applicationId } = await candidateWithApplication("ordre");
    const detail = await findApplication(db(), id, applicationId);
    expect(detail!.zones.map((zone) => zone.label)).toEqual(["CAMBRESIS - BASSIN 9", "DOUAIS - BASSIN 6"]);
    expect(detail!.teachingTypes.map((choice) => [choice.rank, choice.label])).toEqual([
      [1, "AESH"],
      [2, "AESH"],
    ]);
    const again = await createApplication(id, await form());
    expect(again).toEqual({ ok: false, errors: { postTypeId: "Choisissez un poste parmi ceux proposés." } });
    expect(await loadApplications(db(), id)).toHaveLength(1);
  });

  it("refuses bad input with a French message and changes nothing", async () => {
    const { id, applicationId } = await candidateWithApplication("invalide");
    const before = await findApplication(db(), id, applicationId);
    const ref = await reference();
    const result = await updateApplication(id, applicationId, await form({ ine: "12345", zones: [ref.zone("LILLE"), ref.zone("LILLE")] }));
    expect(result).toEqual({
      ok: false,
      errors: {
        zones: "Chaque zone ne peut être choisie qu'une fois.",
        ine: expect.stringMatching(/^L'INE compte 11 caractères/),
      },
    });
    expect(await findApplication(db(), id, applicationId)).toEqual(before);
    const unknownZone = await updateApplication(id, applicationId, await form({ zones: [crypto.randomUUID()] }));
    expect(unknownZone).toMatchObject({ ok: false, errors: { zones: expect.stringContaining("n'est plus proposée") } });
  });

  it("lets the owner reorder the zones, only while the application is submitted", async () => {
    const { id, applicationId } = await candidateWithApplication("modifier");
    const ref = await reference();
    const reordered = await updateApplication(id, applicationId, await form({ zones: [ref.zone("DOUAIS - BASSIN 6"), ref.zone("CAMBRESIS - BASSIN 9")], ine: "2068113589l" }));
    expect(reordered).toEqual({ ok: true, id: applicationId });
    const detail = await findApplication(db(), id, applicationId);
    expect(detail!.zones.map((zone) => zone.label)).toEqual(["DOUAIS - BASSIN 6", "CAMBRESIS - BASSIN 9"]);
    expect(detail!.ine).toBe("2068113589L");

    await db().update(applications).set({ status: "in_review" }).where(eq(applications.id, applicationId));
    const locked = await updateApplication(id, applicationId, await form());
    expect(locked).toMatchObject({ ok: false, errors: { form: expect.stringContaining("ne peut plus être modifiée") } });
    expect((await findApplication(db(), id, applicationId))!.zones[0]!.label).toBe("DOUAIS - BASSIN 6");
  });

  it("hides another candidate's application: not found in reads, updates and deletions", async () => {
    const owner = await candidateWithApplication("proprietaire");
    const other = await insertCandidate("curieux");
    expect(await findApplication(db(), other.id, owner.applicationId)).toBeNull();
    expect(await findApplication(db(), other.id, "pas-un-uuid")).toBeNull();
    expect(await updateApplication(other.id, owner.applicationId, await form({ zones: [] }))).toEqual({ ok: false, notFound: true });
    expect(await deleteApplication(other.id, owner.applicationId)).toBe(false);
    expect((await findApplication(db(), owner.id, owner.applicationId))!.zones).toHaveLength(2);
  });
});

describe("attachments uploaded straight to storage", () => {
  it("accepts a PDF, completes the application, and replaces it by deleting the old object", async () => {
    const { id, applicationId } = await candidateWithApplication("upload");
    const first = await uploadIdentity(id, applicationId, samplePdf(10_000));
    expect(await confirmAttachmentUpload(id, applicationId, first.attachmentTypeId, first.ticket.fileId)).toEqual({ ok: true });
    // Confirming twice attaches once.
    expect(await confirmAttachmentUpload(id, applicationId, first.attachmentTypeId, first.ticket.fileId)).toEqual({ ok: false, message: uploadMessages.missing });
    const firstFile = await fileRow(first.ticket.fileId);
    expect(firstFile).toMatchObject({ status: "ready", size: 10_000 });
    expect(firstFile!.storageKey).not.toContain("cni");
    let detail = await findApplication(db(), id, applicationId);
    expect(detail!.missing).toEqual([]);
    expect(detail!.attachments.find((slot) => slot.label === "Pièce d'identité")!.file).toMatchObject({ name: "cni.pdf", size: 10_000 });
    expect(await findOwnFile(db(), id, first.ticket.fileId)).toMatchObject({ originalName: "cni.pdf" });
    // The personal-data export carries the application and a link to the file in the person's space.
    const exported = await exportAccountData(id);
    expect(exported.applications).toEqual([
      expect.objectContaining({ zones: ["CAMBRESIS - BASSIN 9", "DOUAIS - BASSIN 6"], attachments: [{ type: "Pièce d'identité", fileId: first.ticket.fileId }], missing: [] }),
    ]);
    expect(exported.files).toEqual([expect.objectContaining({ originalName: "cni.pdf", download: expect.stringMatching(new RegExp(`/fichiers/${first.ticket.fileId}$`)) })]);

    const second = await uploadIdentity(id, applicationId, samplePdf(12_000));
    expect(await confirmAttachmentUpload(id, applicationId, second.attachmentTypeId, second.ticket.fileId)).toEqual({ ok: true });
    expect(await stored(firstFile!.storageKey)).toBe(false);
    expect(await fileRow(first.ticket.fileId)).toBeUndefined();
    detail = await findApplication(db(), id, applicationId);
    expect(detail!.attachments.find((slot) => slot.label === "Pièce d'identité")!.file).toMatchObject({ id: second.ticket.fileId, size: 12_000 });

    expect(await deleteAttachment(id, applicationId, second.attachmentTypeId)).toEqual({ ok: true });
    expect(await stored(`pieces-jointes/${second.ticket.fileId}.pdf`)).toBe(false);
    expect((await findApplication(db(), id, applicationId))!.missing.map((item) => item.message)).toEqual(["Veuillez joindre : Pièce d'identité"]);
  });

  it("has storage refuse a POST over 20 Mo, a wrong type or a tampered signature, as real S3 does", async () => {
    const { id, applicationId } = await candidateWithApplication("politique");
    const big = Buffer.concat([samplePdf(1000), Buffer.alloc(21 * 1024 * 1024 - 1000, 0x20)]);
    // The browser declared a small file, then sent 21 Mo: the policy's size range stops it.
    const { ticket, attachmentTypeId } = await startUpload(id, applicationId, 1000);
    const key = (await fileRow(ticket.fileId))!.storageKey;
    const tooBig = await postToStorage(ticket, big);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain("<Code>EntityTooLarge</Code>");
    const wrongType = await postToStorage({ ...ticket, fields: { ...ticket.fields, "Content-Type": "text/html" } }, samplePdf(2000));
    expect(wrongType.status).toBe(403);
    expect(await wrongType.text()).toContain("Policy Condition failed");
    const otherKey = await postToStorage({ ...ticket, fields: { ...ticket.fields, key: "pieces-jointes/choisie-par-moi.pdf" } }, samplePdf(2000));
    expect(otherKey.status).toBe(403);
    const tampered = await postToStorage({ ...ticket, fields: { ...ticket.fields, "X-Amz-Signature": "0".repeat(64) } }, samplePdf(2000));
    expect(tampered.status).toBe(403);
    expect(await stored(key)).toBe(false);
    expect(await stored("pieces-jointes/choisie-par-moi.pdf")).toBe(false);
    // Nothing arrived: confirming says so and attaches nothing.
    expect(await confirmAttachmentUpload(id, applicationId, attachmentTypeId, ticket.fileId)).toEqual({ ok: false, message: uploadMessages.missing });
  });

  it("refuses at confirm a 21 Mo object a storage without policy checks let through, and deletes it", async () => {
    const { id, applicationId } = await candidateWithApplication("gros");
    const { ticket, attachmentTypeId } = await startUpload(id, applicationId, 1000);
    const key = (await fileRow(ticket.fileId))!.storageKey;
    // Written behind the policy's back, as a storage that ignores POST policies would accept it.
    const storage = getStorage();
    const big = Buffer.concat([samplePdf(1000), Buffer.alloc(21 * 1024 * 1024 - 1000, 0x20)]);
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: ticket.fields.key!, Body: big, ContentType: "application/pdf" }));
    expect(await stored(ticket.fields.key!)).toBe(true);
    expect(await confirmAttachmentUpload(id, applicationId, attachmentTypeId, ticket.fileId)).toEqual({ ok: false, message: uploadMessages.tooLarge });
    expect(await stored(key)).toBe(false);
    expect(await stored(ticket.fields.key!)).toBe(false);
    expect(await fileRow(ticket.fileId)).toMatchObject({ status: "rejected" });
    expect((await findApplication(db(), id, applicationId))!.attachments.every((slot) => slot.file === null)).toBe(true);
  });

  it("keeps what it checked when the presigned POST is replayed after the check; the job sweeps the leftover", async () => {
    const { id, applicationId } = await candidateWithApplication("rejeu");
    const pdf = samplePdf(5000);
    const upload = await uploadIdentity(id, applicationId, pdf);
    // The browser wrote to a staging key chosen by the server, not to the file's key.
    expect(upload.ticket.fields.key).toMatch(/^incoming\//);
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: true });
    const key = (await fileRow(upload.ticket.fileId))!.storageKey;
    expect(await stored(upload.ticket.fields.key!)).toBe(false);
    // The policy is still valid for minutes: replaying it cannot touch the checked file.
    expect((await postToStorage(upload.ticket, Buffer.from("<html>autre chose</html>"))).status).toBeLessThan(300);
    const storage = getStorage();
    const kept = await storage.client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key }));
    expect(Buffer.compare(Buffer.from(await kept.Body!.transformToByteArray()), pdf)).toBe(0);
    // The replayed object sits under the staging prefix until the daily job sweeps it (a day later).
    expect(await stored(upload.ticket.fields.key!)).toBe(true);
    await runDailyJob({ db: db(), mailer: getMailer(), storage, now: () => new Date(Date.now() + 2 * 24 * 60 * 60 * 1000) });
    expect(await stored(upload.ticket.fields.key!)).toBe(false);
    expect(await stored(key)).toBe(true);
  });

  it("refuses at confirm a text file named .pdf and deletes it", async () => {
    const { id, applicationId } = await candidateWithApplication("texte");
    const upload = await uploadIdentity(id, applicationId, Buffer.from("Ceci n'est pas un PDF, juste du texte.\n"));
    const key = (await fileRow(upload.ticket.fileId))!.storageKey;
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: false, message: uploadMessages.notPdf });
    expect(await stored(key)).toBe(false);
    expect(await findOwnFile(db(), id, upload.ticket.fileId)).toBeNull();
  });

  it("keeps the file as a PDF to download, whatever type reached the storage (one that enforces no policy)", async () => {
    const { id, applicationId } = await candidateWithApplication("html");
    const upload = await startUpload(id, applicationId, 3000);
    const storage = getStorage();
    // As a storage that ignores the POST policy would keep it: the type the client chose.
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: stagingKey(upload.ticket.fileId), Body: samplePdf(3000), ContentType: "text/html" }));
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: true });
    const key = (await fileRow(upload.ticket.fileId))!.storageKey;
    const head = await storage.client.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key }));
    expect({ type: head.ContentType, disposition: head.ContentDisposition }).toEqual({ type: "application/pdf", disposition: "attachment" });
  });

  it("refuses an empty object at confirm, and a replayed confirm changes nothing", async () => {
    const { id, applicationId } = await candidateWithApplication("vide");
    const upload = await startUpload(id, applicationId, 4000);
    const storage = getStorage();
    // A storage without policy checks kept a zero-byte object under the ticket's key.
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: stagingKey(upload.ticket.fileId), Body: Buffer.alloc(0), ContentType: "application/pdf" }));
    const refused = await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId);
    expect(refused.ok).toBe(false);
    expect(await stored(stagingKey(upload.ticket.fileId))).toBe(false);
    expect(await findOwnFile(db(), id, upload.ticket.fileId)).toBeNull();

    const good = await uploadIdentity(id, applicationId, samplePdf(4000));
    expect(await confirmAttachmentUpload(id, applicationId, good.attachmentTypeId, good.ticket.fileId)).toEqual({ ok: true });
    const before = await db().select().from(files).where(eq(files.userId, id));
    // The same confirm again (a replayed request): refused, nothing added or removed.
    expect(await confirmAttachmentUpload(id, applicationId, good.attachmentTypeId, good.ticket.fileId)).toMatchObject({ ok: false });
    expect(await db().select().from(files).where(eq(files.userId, id))).toEqual(before);
    expect(await stored(before.find((row) => row.id === good.ticket.fileId)!.storageKey)).toBe(true);
  });

  itOnPostgres("refuses an 11th upload started and never confirmed, even asked all at once", async () => {
    const { id, applicationId } = await candidateWithApplication("rafale");
    const ref = await reference();
    const answers = await Promise.all(
      Array.from({ length: 14 }, () => startAttachmentUpload(id, applicationId, ref.identity, { name: "cni.pdf", size: 4000, type: "application/pdf" })),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(maxOpenUploads);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && "message" in answer && answer.message)).toEqual(Array(14 - maxOpenUploads).fill(uploadMessages.tooManyOpen));
    expect(await db().select().from(files).where(and(eq(files.userId, id), eq(files.status, "pending")))).toHaveLength(maxOpenUploads);
    // Once the tickets are past their use, new uploads may start again.
    await db()
      .update(files)
      .set({ createdAt: new Date(Date.now() - (uploadPolicySeconds + uploadConfirmGraceSeconds + 60) * 1000) })
      .where(eq(files.userId, id));
    expect(await startAttachmentUpload(id, applicationId, ref.identity, { name: "cni.pdf", size: 4000, type: "application/pdf" })).toMatchObject({ ok: true });
  });

  it("answers in French when storage stops during the confirm, changes nothing, and the same confirm works once it is back", async () => {
    const { id, applicationId } = await candidateWithApplication("panne");
    const upload = await uploadIdentity(id, applicationId, samplePdf(4000));
    const stopped = stoppedStorage();
    // Before: the action crashed with a 500.
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId, { db: db(), storage: stopped })).toEqual({ ok: false, message: uploadMessages.unavailable });
    expect(await fileRow(upload.ticket.fileId)).toMatchObject({ status: "pending" });
    expect(await stored(stagingKey(upload.ticket.fileId))).toBe(true);
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: true });
    expect(await fileRow(upload.ticket.fileId)).toMatchObject({ status: "ready" });
  });

  it("opens a file only once storage has it: a French answer when storage is down or the object was lost", async () => {
    const { id, applicationId } = await candidateWithApplication("ouverture");
    const pdf = samplePdf(4000);
    const upload = await uploadIdentity(id, applicationId, pdf);
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: true });
    const file = (await findOwnFile(db(), id, upload.ticket.fileId))!;
    const opened = await openDownload(getStorage(), file);
    expect("url" in opened && Buffer.from(await (await fetch(opened.url)).arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    const stopped = stoppedStorage();
    const down = await openDownload(stopped, file);
    expect(down).toEqual({ problem: "unavailable" });
    const answer = downloadResponse(down);
    expect([answer.status, answer.headers.get("retry-after"), await answer.text()]).toEqual([503, "60", expect.stringContaining("réessayez dans quelques minutes")]);

    await getStorage().client.send(new DeleteObjectCommand({ Bucket: getStorage().bucket, Key: file.storageKey }));
    const lost = await openDownload(getStorage(), file);
    expect(lost).toEqual({ problem: "missing" });
    expect(downloadResponse(lost).status).toBe(404);
  });

  it("refuses a confirm long after its ticket, and deletes what was sent", async () => {
    const { id, applicationId } = await candidateWithApplication("tardif");
    const upload = await uploadIdentity(id, applicationId, samplePdf(4000));
    await db()
      .update(files)
      .set({ createdAt: new Date(Date.now() - (uploadPolicySeconds + uploadConfirmGraceSeconds + 60) * 1000) })
      .where(eq(files.id, upload.ticket.fileId));
    const key = (await fileRow(upload.ticket.fileId))!.storageKey;
    expect(await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: false, message: uploadMessages.expired });
    expect(await stored(stagingKey(upload.ticket.fileId))).toBe(false);
    expect(await stored(key)).toBe(false);
    expect(await findOwnFile(db(), id, upload.ticket.fileId)).toBeNull();
  });

  it("refuses a declared size over 20 Mo or a type that is not PDF before any storage is involved", async () => {
    const { id, applicationId } = await candidateWithApplication("declare");
    const ref = await reference();
    const before = await db().select().from(files);
    expect(await startAttachmentUpload(id, applicationId, ref.identity, { name: "cni.pdf", size: 21 * 1024 * 1024, type: "application/pdf" })).toEqual({ ok: false, message: uploadMessages.tooLarge });
    expect(await startAttachmentUpload(id, applicationId, ref.identity, { name: "cni.docx", size: 1000, type: "application/msword" })).toEqual({ ok: false, message: uploadMessages.notPdf });
    expect(await db().select().from(files)).toHaveLength(before.length);
  });

  it("has storage refuse a POST whose policy has expired", async () => {
    const storage = getStorage();
    const key = `pieces-jointes/${crypto.randomUUID()}.pdf`;
    const post = await presignUpload(storage, key, 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const response = await postToStorage(post, samplePdf(2000));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Policy expired");
    expect(await stored(key)).toBe(false);
  });

  it("does not let candidate B start, confirm, download or delete candidate A's files", async () => {
    const a = await candidateWithApplication("a");
    const b = await insertCandidate("b");
    const upload = await uploadIdentity(a.id, a.applicationId, samplePdf(5000));
    const key = (await fileRow(upload.ticket.fileId))!.storageKey;
    const declared = { name: "x.pdf", size: 1000, type: "application/pdf" };
    expect(await startAttachmentUpload(b.id, a.applicationId, upload.attachmentTypeId, declared)).toEqual({ ok: false, notFound: true });
    expect(await confirmAttachmentUpload(b.id, a.applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: false, notFound: true });
    // Even through an application of their own, B cannot confirm A's file.
    const bApplication = await createApplication(b.id, await form());
    if (!bApplication.ok) throw new Error("B could not apply");
    expect(await confirmAttachmentUpload(b.id, bApplication.id, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: false, message: uploadMessages.missing });
    expect(await fileRow(upload.ticket.fileId)).toMatchObject({ status: "pending" });

    expect(await confirmAttachmentUpload(a.id, a.applicationId, upload.attachmentTypeId, upload.ticket.fileId)).toEqual({ ok: true });
    expect(await findOwnFile(db(), b.id, upload.ticket.fileId)).toBeNull();
    expect(await findOwnFile(db(), a.id, upload.ticket.fileId)).not.toBeNull();
    expect(await deleteAttachment(b.id, a.applicationId, upload.attachmentTypeId)).toEqual({ ok: false, notFound: true });
    expect(await stored(key)).toBe(true);
  });
});

describe("deleting an application", () => {
  it("removes its rows and its objects, leaves an anonymous trace, and retries storage that failed", async () => {
    const { id, applicationId } = await candidateWithApplication("suppression");
    const upload = await uploadIdentity(id, applicationId, samplePdf(3000));
    await confirmAttachmentUpload(id, applicationId, upload.attachmentTypeId, upload.ticket.fileId);
    const key = (await fileRow(upload.ticket.fileId))!.storageKey;

    // Storage is down at the moment of deletion: the database is still done in full.
    const unreachable = stoppedStorage();
    expect(await deleteApplication(id, applicationId, { db: db(), storage: unreachable })).toBe(true);
    expect(await findApplication(db(), id, applicationId)).toBeNull();
    expect(await fileRow(upload.ticket.fileId)).toBeUndefined();
    const [pending] = await db().select().from(storageDeletions).where(eq(storageDeletions.storageKey, key));
    expect(pending).toMatchObject({ attempts: 1 });
    expect(await stored(key)).toBe(true);
    const traces = await db().select().from(deletedApplications).where(eq(deletedApplications.reason, "candidate_request"));
    expect(traces.some((trace) => trace.postTypeLabel === "AESH EN PIAL INTER-DEGRE")).toBe(true);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, applicationId));
    expect(audit.map((entry) => entry.action)).toContain("application.deleted");

    // The next run (the daily job does the same) deletes the object.
    await runObjectDeletions({ db: db(), storage: getStorage() }, { keys: [key] });
    expect(await stored(key)).toBe(false);
    expect(await db().select().from(storageDeletions).where(eq(storageDeletions.storageKey, key))).toEqual([]);
  });
});
