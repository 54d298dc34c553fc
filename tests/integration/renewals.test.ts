import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { itOnPostgres } from "../support/concurrency";
import { createApplication } from "@/lib/applications/commands";
import { findApplication } from "@/lib/applications/queries";
import { confirmAttachmentUpload, startAttachmentUpload } from "@/lib/applications/attachments";
import { getDb } from "@/lib/db/client";
import { applications, attachmentTypes, auditLog, deletedApplications, diplomas, diplomaTypes, emailOutbox, files, jobRuns, storageDeletions, users } from "@/lib/db/schema";
import { createDiploma, startDiplomaUpload, verifyDiplomaUpload } from "@/lib/diplomas/diplomas";
import { addMonths, formatFrenchDate, todayIso } from "@/lib/format/date";
import { createMailer, getMailer } from "@/lib/mail/transport";
import { runDailyJob } from "@/lib/renewals/daily-job";
import { answerRenewal, describeRenewal, keepOwnApplication } from "@/lib/renewals/renewals";
import { deletionDate, isoMinusDays } from "@/lib/renewals/rules";
import { applicationsAwaitingAnswer, lastJobRuns } from "@/lib/renewals/staff-view";
import { getStorage } from "@/lib/storage/client";
import { applicationForm as emptyForm } from "../support/applications";
import { insertCandidate } from "../support/factories";
import { inboxClient } from "../support/inbox";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { postToStorage, stoppedStorage, stored } from "../support/storage";

const inbox = inboxClient(inject("inboxUrl"));
const db = () => getDb();
const dayMs = 24 * 60 * 60 * 1000;
const noticeSubject = /^AcloE – Votre candidature AESH arrive à échéance/;
const downMailer = () => createMailer("smtp://127.0.0.1:9", "Recrutement AESH <ne-pas-repondre@aesh.localhost>");
const downStorage = () => stoppedStorage();
const liveDeps = () => ({ db: db(), mailer: getMailer(), storage: getStorage() });

/** A candidate with one application whose validity ended `daysAgo` days ago (time moved by SQL). */
async function expiredApplication(prefix: string, daysAgo = 1) {
  const candidate = await insertCandidate(prefix);
  const created = await createApplication(candidate.id, await emptyForm());
  if (!created.ok) throw new Error("application refused");
  await db().update(applications).set({ validUntil: isoMinusDays(todayIso(), daysAgo) }).where(eq(applications.id, created.id));
  return { ...candidate, applicationId: created.id };
}

async function application(id: string) {
  const [row] = await db().select().from(applications).where(eq(applications.id, id));
  return row;
}

async function noticeOutbox(applicationId: string) {
  return db().select().from(emailOutbox).where(and(eq(emailOutbox.relatedId, applicationId), eq(emailOutbox.template, "renewal-notice")));
}

/** Moves the delivered notice `days` days into the past, as if it had been sent then. */
async function ageNotice(applicationId: string, days: number) {
  await db().update(applications).set({ renewalNoticeSentAt: new Date(Date.now() - days * dayMs) }).where(eq(applications.id, applicationId));
}

const tokenIn = (text: string) => /\/renouvellement\/([\w-]+)/.exec(text)![1]!;

describe("the six-month renewal", () => {
  it("sends the notice once over two runs, counted from its delivery, with a dated deadline", async () => {
    const { email, applicationId } = await expiredApplication("avis");
    const first = await runDailyJob(liveDeps());
    const row = await application(applicationId);
    const [outbox] = await noticeOutbox(applicationId);
    expect(outbox).toMatchObject({ status: "sent" });
    expect(row!.renewalNoticeSentAt).toEqual(outbox!.sentAt);
    const mail = await inbox.waitFor(email, (m) => noticeSubject.test(m.subject));
    const deadline = formatFrenchDate(deletionDate(row!.renewalNoticeSentAt!, 30));
    expect(mail.subject).toContain(deadline);
    expect(mail.text).toContain(`Sans réponse de votre part avant le ${deadline}, votre candidature sera supprimée.`);
    expect(mail.text).toContain("Maintenir ma candidature");
    expect(mail.text).toContain("Retirer ma candidature");

    await runDailyJob(liveDeps());
    expect((await inbox.to(email)).filter((m) => noticeSubject.test(m.subject))).toHaveLength(1);
    expect((await application(applicationId))!.renewalNoticeSentAt).toEqual(row!.renewalNoticeSentAt);
    const [recorded] = await db().select().from(jobRuns).where(eq(jobRuns.id, first.runId));
    expect(recorded).toMatchObject({ job: "daily", summary: expect.objectContaining({ notices: expect.any(Object) }) });
    expect(recorded!.finishedAt).not.toBeNull();
  });

  it("sends a batch's notices together, each with its own link that answers for its own application only", async () => {
    const batch = await Promise.all(["avis-lot-a", "avis-lot-b", "avis-lot-c"].map((prefix) => expiredApplication(prefix)));
    // Batches of two: the step is called again while applications remain.
    const run = await runDailyJob(liveDeps(), { batchSize: 2 });
    expect(run.notices.sent).toBeGreaterThanOrEqual(3);
    const links = [];
    for (const item of batch) {
      const mails = (await inbox.to(item.email!)).filter((m) => noticeSubject.test(m.subject));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("AESH EN PIAL INTER-DEGRE");
      const [outbox] = await noticeOutbox(item.applicationId);
      expect((await application(item.applicationId))!.renewalNoticeSentAt).toEqual(outbox!.sentAt);
      links.push(tokenIn(mails[0]!.text));
    }
    expect(new Set(links).size).toBe(3);
    expect(await answerRenewal(links[1]!, "keep")).toMatchObject({ ok: true, choice: "keep" });
    expect(await application(batch[1]!.applicationId)).toMatchObject({ validUntil: addMonths(todayIso(), 6), renewalNoticeSentAt: null });
    for (const other of [batch[0]!, batch[2]!]) expect((await application(other.applicationId))!.renewalNoticeSentAt).not.toBeNull();
  });

  it("records a notice SMTP accepted before a run stopped, without sending it again", async () => {
    const { id, email, applicationId } = await expiredApplication("avis-repris");
    // A run had the mail accepted an hour ago, then stopped before recording it.
    const acceptedAt = new Date(Date.now() - 60 * 60 * 1000);
    await db().insert(emailOutbox).values({ template: "renewal-notice", toAddress: email!, userId: id, subject: "Avis", html: "", text: "", relatedId: applicationId, status: "sent", sentAt: acceptedAt });
    const run = await runDailyJob(liveDeps());
    expect(run.notices).toMatchObject({ recovered: 1, sent: 0 });
    expect((await application(applicationId))!.renewalNoticeSentAt).toEqual(acceptedAt);
    expect((await inbox.to(email)).filter((m) => noticeSubject.test(m.subject))).toEqual([]);
  });

  it("keeps the application for six more months from the mail's page; looking at the page changes nothing", async () => {
    const { email, applicationId } = await expiredApplication("maintien");
    await runDailyJob(liveDeps());
    const token = tokenIn((await inbox.waitFor(email, (m) => noticeSubject.test(m.subject))).text);

    // The GET (what a mail scanner does) only describes.
    const before = await application(applicationId);
    expect(await describeRenewal(db(), token)).toMatchObject({ ok: true, postType: "AESH EN PIAL INTER-DEGRE", deadline: deletionDate(before!.renewalNoticeSentAt!, 30) });
    expect(await describeRenewal(db(), token)).toMatchObject({ ok: true });
    expect(await application(applicationId)).toEqual(before);

    const kept = await answerRenewal(token, "keep");
    expect(kept).toMatchObject({ ok: true, choice: "keep", validUntil: addMonths(todayIso(), 6) });
    const after = await application(applicationId);
    expect(after).toMatchObject({ status: "submitted", validUntil: addMonths(todayIso(), 6), renewalNoticeSentAt: null, renewalReminderSentAt: null });
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre candidature AESH est maintenue");
    expect(await answerRenewal(token, "keep")).toEqual({ ok: false, reason: "used" });
    expect(await describeRenewal(db(), token)).toEqual({ ok: false, reason: "used" });
    expect(await describeRenewal(db(), "inconnu-0123456789")).toEqual({ ok: false, reason: "unknown" });
  });

  it("withdraws the application from the mail's page", async () => {
    const { email, applicationId } = await expiredApplication("retrait");
    await runDailyJob(liveDeps());
    const token = tokenIn((await inbox.waitFor(email, (m) => noticeSubject.test(m.subject))).text);
    expect(await answerRenewal(token, "withdraw")).toMatchObject({ ok: true, choice: "withdraw" });
    expect((await application(applicationId))!.status).toBe("withdrawn");
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre candidature AESH est retirée");
  });

  it("without an answer: a reminder, then the deletion of rows and objects, a trace, a last mail; the diploma stays", async () => {
    const { id, email, applicationId } = await expiredApplication("sans-reponse");
    const [identity] = await db().select({ id: attachmentTypes.id }).from(attachmentTypes).where(eq(attachmentTypes.label, "Pièce d'identité"));
    const upload = await startAttachmentUpload(id, applicationId, identity!.id, { name: "cni.pdf", size: 3000, type: "application/pdf" });
    if (!upload.ok) throw new Error("upload refused");
    await postToStorage(upload.ticket, samplePdf(3000));
    expect(await confirmAttachmentUpload(id, applicationId, identity!.id, upload.ticket.fileId)).toEqual({ ok: true });
    const [attachment] = await db().select().from(files).where(eq(files.id, upload.ticket.fileId));
    const diplomaUpload = await startDiplomaUpload(id, { name: "bac.pdf", size: 3000, type: "application/pdf" });
    if (!diplomaUpload.ok) throw new Error("upload refused");
    await postToStorage(diplomaUpload.ticket, samplePdf(3000));
    await verifyDiplomaUpload(id, diplomaUpload.ticket.fileId);
    const [bacPro] = await db().select({ id: diplomaTypes.id }).from(diplomaTypes).where(eq(diplomaTypes.label, "Bac Pro"));
    const diploma = await createDiploma(id, { label: "Bac Pro", diplomaTypeId: bacPro!.id, obtainedOn: "", institution: "Lycée", country: "FR", city: "Lille", fileId: diplomaUpload.ticket.fileId, removeFile: false });
    if (!diploma.ok) throw new Error(JSON.stringify(diploma));
    const [diplomaFile] = await db().select().from(files).where(eq(files.id, diplomaUpload.ticket.fileId));

    await runDailyJob(liveDeps());
    await ageNotice(applicationId, 24);
    await runDailyJob(liveDeps());
    const noticeAt = (await application(applicationId))!.renewalNoticeSentAt!;
    const reminder = await inbox.waitFor(email, (m) => m.subject.startsWith("AcloE – Rappel : votre candidature AESH sera supprimée"));
    expect(reminder.subject).toContain(formatFrenchDate(deletionDate(noticeAt, 30)));
    expect((await application(applicationId))!.renewalReminderSentAt).not.toBeNull();
    await runDailyJob(liveDeps());
    expect((await inbox.to(email)).filter((m) => m.subject.startsWith("AcloE – Rappel"))).toHaveLength(1);
    expect(await application(applicationId)).toBeDefined();

    await ageNotice(applicationId, 31);
    const tracesBefore = (await db().select().from(deletedApplications).where(eq(deletedApplications.reason, "no_renewal_answer"))).length;
    const deletionRun = await runDailyJob(liveDeps());
    expect(await application(applicationId)).toBeUndefined();
    expect(await stored(attachment!.storageKey)).toBe(false);
    expect(await db().select().from(files).where(eq(files.id, attachment!.id))).toEqual([]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, applicationId));
    expect(audit.map((entry) => entry.action)).toContain("application.deleted_without_answer");
    // One anonymous trace per deletion of the run (this application's and any other test's left due).
    const traces = await db().select().from(deletedApplications).where(eq(deletedApplications.reason, "no_renewal_answer"));
    expect(traces.length - tracesBefore).toBe(deletionRun.deletions.deleted);
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre candidature AESH a été supprimée");
    // The diploma is the candidate's: it and its file stay.
    expect(await db().select().from(diplomas).where(eq(diplomas.userId, id))).toHaveLength(1);
    expect(await stored(diplomaFile!.storageKey)).toBe(true);
  });

  it("sends a batch's reminders together: each the deadline of its own notice and a link keeping its own application; one kept meanwhile gets none", async () => {
    const batch = await Promise.all(["rappel-lot-a", "rappel-lot-b", "rappel-lot-c", "rappel-lot-d"].map((prefix) => expiredApplication(prefix)));
    await runDailyJob(liveDeps());
    // Notices of different days: each reminder must carry its own deletion date.
    for (const [index, item] of batch.entries()) await ageNotice(item.applicationId, 24 + index);
    const [kept, ...unanswered] = [batch[3]!, batch[0]!, batch[1]!, batch[2]!];
    expect(await keepOwnApplication(kept.id, kept.applicationId)).toMatchObject({ ok: true });
    // Batches of two: the step is called again while applications remain.
    const run = await runDailyJob(liveDeps(), { batchSize: 2 });
    expect(run.reminders.sent).toBeGreaterThanOrEqual(3);
    const links = [];
    for (const item of unanswered) {
      const noticeAt = (await application(item.applicationId))!.renewalNoticeSentAt!;
      const mails = (await inbox.to(item.email!)).filter((m) => m.subject.startsWith("AcloE – Rappel"));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain(formatFrenchDate(deletionDate(noticeAt, 30)));
      expect(mails[0]!.text).toContain(`avant le ${formatFrenchDate(deletionDate(noticeAt, 30))}`);
      expect(mails[0]!.text).toContain("AESH EN PIAL INTER-DEGRE");
      expect((await application(item.applicationId))!.renewalReminderSentAt).not.toBeNull();
      links.push(tokenIn(mails[0]!.text));
    }
    expect(new Set(links).size).toBe(3);
    expect((await inbox.to(kept.email!)).filter((m) => m.subject.startsWith("AcloE – Rappel"))).toEqual([]);
    // The second reminder's link keeps the second application, and only it.
    expect(await answerRenewal(links[1]!, "keep")).toMatchObject({ ok: true, choice: "keep" });
    expect(await application(unanswered[1]!.applicationId)).toMatchObject({ validUntil: addMonths(todayIso(), 6), renewalNoticeSentAt: null });
    for (const other of [unanswered[0]!, unanswered[2]!]) expect((await application(other.applicationId))!.renewalNoticeSentAt).not.toBeNull();
  });

  it("deletes unanswered applications by batches: each its own trace, audit entry and last mail; one kept meanwhile stays", async () => {
    const batch = await Promise.all(["lot-a", "lot-b", "lot-c"].map((prefix) => expiredApplication(prefix)));
    await runDailyJob(liveDeps());
    for (const item of batch) await ageNotice(item.applicationId, 31);
    const [kept, ...unanswered] = [batch[2]!, batch[0]!, batch[1]!];
    expect(await keepOwnApplication(kept.id, kept.applicationId)).toMatchObject({ ok: true });
    // Batches of two: the step is called again while applications remain.
    await runDailyJob(liveDeps(), { batchSize: 2 });
    for (const item of unanswered) {
      expect(await application(item.applicationId)).toBeUndefined();
      expect((await db().select().from(auditLog).where(eq(auditLog.entityId, item.applicationId))).map((entry) => entry.action)).toContain("application.deleted_without_answer");
      const last = await inbox.waitFor(item.email!, (m) => m.subject === "AcloE – Votre candidature AESH a été supprimée");
      expect(last.text).toContain("AESH EN PIAL INTER-DEGRE");
    }
    expect(await application(kept.applicationId)).toMatchObject({ status: "submitted", renewalNoticeSentAt: null });
    expect((await inbox.to(kept.email!)).filter((m) => m.subject === "AcloE – Votre candidature AESH a été supprimée")).toEqual([]);
  });

  it("with SMTP down: no notice counted, no deletion; the next run sends it with a deadline from the real delivery", async () => {
    const { email, applicationId } = await expiredApplication("smtp-panne", 5);
    // Two days ago, SMTP was down.
    const twoDaysAgo = () => new Date(Date.now() - 2 * dayMs);
    await runDailyJob({ db: db(), mailer: downMailer(), storage: getStorage(), now: twoDaysAgo });
    expect((await application(applicationId))!.renewalNoticeSentAt).toBeNull();
    expect(await noticeOutbox(applicationId)).toEqual([expect.objectContaining({ status: "pending", attempts: 1 })]);
    expect((await inbox.to(email)).length).toBe(0);
    // Even long after, an undelivered notice never leads to a deletion.
    await runDailyJob({ db: db(), mailer: downMailer(), storage: getStorage(), now: () => new Date(Date.now() + 60 * dayMs) });
    expect(await application(applicationId)).toBeDefined();

    // The next day (its backoff is over), SMTP is back: the notice goes out, dated from today.
    await db().update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailOutbox.relatedId, applicationId));
    await runDailyJob(liveDeps());
    const row = await application(applicationId);
    expect(row!.renewalNoticeSentAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const deadline = formatFrenchDate(deletionDate(row!.renewalNoticeSentAt!, 30));
    expect(deadline).not.toBe(formatFrenchDate(deletionDate(twoDaysAgo(), 30)));
    const mail = await inbox.waitFor(email, (m) => noticeSubject.test(m.subject));
    expect(mail.text).toContain(`avant le ${deadline}`);
    expect((await inbox.to(email)).filter((m) => noticeSubject.test(m.subject))).toHaveLength(1);
    // The same outbox row, rendered again: its attempts go on counting.
    expect(await noticeOutbox(applicationId)).toEqual([expect.objectContaining({ status: "sent", attempts: 2 })]);
  });

  it("with storage down during a deletion: the rows go, the objects are retried next run, nothing is orphaned", async () => {
    const { id, applicationId } = await expiredApplication("stockage-panne");
    const [identity] = await db().select({ id: attachmentTypes.id }).from(attachmentTypes).where(eq(attachmentTypes.label, "Pièce d'identité"));
    const upload = await startAttachmentUpload(id, applicationId, identity!.id, { name: "cni.pdf", size: 3000, type: "application/pdf" });
    if (!upload.ok) throw new Error("upload refused");
    await postToStorage(upload.ticket, samplePdf(3000));
    await confirmAttachmentUpload(id, applicationId, identity!.id, upload.ticket.fileId);
    const [attachment] = await db().select().from(files).where(eq(files.id, upload.ticket.fileId));
    await runDailyJob(liveDeps());
    await ageNotice(applicationId, 31);

    await runDailyJob({ db: db(), mailer: getMailer(), storage: downStorage() });
    expect(await application(applicationId)).toBeUndefined();
    expect(await stored(attachment!.storageKey)).toBe(true);
    expect(await db().select().from(storageDeletions).where(eq(storageDeletions.storageKey, attachment!.storageKey))).toHaveLength(1);

    await runDailyJob(liveDeps());
    expect(await stored(attachment!.storageKey)).toBe(false);
    expect(await db().select().from(storageDeletions).where(eq(storageDeletions.storageKey, attachment!.storageKey))).toEqual([]);
  });

  itOnPostgres("sends each notice once when two runs start together", async () => {
    const a = await expiredApplication("deux-runs-a");
    const b = await expiredApplication("deux-runs-b");
    const [first, second] = await Promise.all([runDailyJob(liveDeps()), runDailyJob(liveDeps())]);
    // The lease lets one run do the renewal steps; the other (if it overlapped) only delivers mail.
    expect([first.renewals, second.renewals]).toContain("done");
    for (const candidate of [a, b]) {
      await inbox.waitFor(candidate.email, (m) => noticeSubject.test(m.subject));
      expect((await inbox.to(candidate.email)).filter((m) => noticeSubject.test(m.subject))).toHaveLength(1);
      expect(await noticeOutbox(candidate.applicationId)).toHaveLength(1);
    }
  });

  it("counts from the end of validity for candidates without email, and sends them nothing", async () => {
    const identifier = `aesh-${crypto.randomUUID().slice(0, 8)}`;
    const [candidate] = await db()
      .insert(users)
      .values({ identifier, passwordHash: "test:not-a-hash", role: "candidate", firstName: "Sam", birthName: "Sans", birthDate: "1990-01-01", phone: "0611223344" })
      .returning({ id: users.id });
    const created = await createApplication(candidate!.id, await emptyForm());
    if (!created.ok) throw new Error("application refused");
    const validUntil = isoMinusDays(todayIso(), 10);
    await db().update(applications).set({ validUntil }).where(eq(applications.id, created.id));
    const run = await runDailyJob(liveDeps());
    const row = await application(created.id);
    // The countdown starts at the end of validity — here already past, so from today, never earlier.
    expect(row!.renewalNoticeSentAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await noticeOutbox(created.id)).toEqual([]);
    // Staff see whom to call, and by when.
    const staff = { id: randomUUID(), role: "gestionnaire" as const, label: "gestion@ac-lille.fr", address: null, departements: [] };
    const awaiting = await applicationsAwaitingAnswer(db(), staff);
    expect(awaiting.find((entry) => entry.id === created.id)).toMatchObject({
      identifier,
      email: null,
      phone: "0611223344",
      deletionDate: deletionDate(row!.renewalNoticeSentAt!, 30),
    });
    expect((await lastJobRuns(db(), 1))[0]).toMatchObject({ id: run.runId, summary: expect.objectContaining({ runId: run.runId }) });
    // valid_until + 30 days: deleted.
    await db().update(applications).set({ validUntil: isoMinusDays(todayIso(), 31), renewalNoticeSentAt: new Date(Date.now() - 31 * dayMs) }).where(eq(applications.id, created.id));
    await runDailyJob(liveDeps());
    expect(await application(created.id)).toBeUndefined();
  });

  it("offers 'Maintenir ma candidature' in the candidate's space from 30 days before the end of validity", async () => {
    const candidate = await insertCandidate("espace");
    const created = await createApplication(candidate.id, await emptyForm());
    if (!created.ok) throw new Error("application refused");
    expect(await keepOwnApplication(candidate.id, created.id)).toEqual({ ok: false, reason: "too_early" });
    const other = await insertCandidate("espace-autre");
    expect(await keepOwnApplication(other.id, created.id)).toEqual({ ok: false, reason: "not_found" });
    await db().update(applications).set({ validUntil: addMonths(todayIso(), 0).slice(0, 10) }).where(eq(applications.id, created.id));
    expect(await keepOwnApplication(candidate.id, created.id)).toMatchObject({ ok: true, validUntil: addMonths(todayIso(), 6) });
    expect((await findApplication(db(), candidate.id, created.id))!.validUntil).toBe(addMonths(todayIso(), 6));
  });

  it("sweeps uploads never confirmed after a day, with their objects", async () => {
    const candidate = await insertCandidate("abandon");
    const started = await startDiplomaUpload(candidate.id, { name: "oubli.pdf", size: 3000, type: "application/pdf" });
    if (!started.ok) throw new Error("upload refused");
    await postToStorage(started.ticket, samplePdf(3000));
    const [file] = await db().select().from(files).where(eq(files.id, started.ticket.fileId));
    await runDailyJob(liveDeps());
    expect(await db().select().from(files).where(eq(files.id, file!.id))).toHaveLength(1);
    expect(await stored(started.ticket.fields.key!)).toBe(true);
    await db().update(files).set({ createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) }).where(eq(files.id, file!.id));
    await runDailyJob(liveDeps());
    expect(await db().select().from(files).where(eq(files.id, file!.id))).toEqual([]);
    expect(await stored(started.ticket.fields.key!)).toBe(false);
    expect(await stored(file!.storageKey)).toBe(false);
  });

  it("stops at its time budget and the next run continues", async () => {
    const a = await expiredApplication("budget-a");
    const b = await expiredApplication("budget-b");
    const first = await runDailyJob(liveDeps(), { budgetMs: 0, batchSize: 1 });
    expect(first.complete).toBe(false);
    // One batch of one: the oldest due application got its notice, the other waits.
    const noticed = async () => {
      const rows = await Promise.all([a, b].map((candidate) => application(candidate.applicationId)));
      return rows.filter((row) => row!.renewalNoticeSentAt !== null).length;
    };
    expect(first.notices.sent).toBe(1);
    expect(await noticed()).toBe(1);
    const second = await runDailyJob(liveDeps());
    expect(second.complete).toBe(true);
    expect(await noticed()).toBe(2);
  });
});
