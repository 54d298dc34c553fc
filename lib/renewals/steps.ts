import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, notExists, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { createElement } from "react";
import { ApplicationRenewalOutcomeEmail, applicationRenewalOutcomeSubject } from "../../emails/application-renewal-outcome";
import { RenewalNoticeEmail, renewalNoticeSubject } from "../../emails/renewal-notice";
import { removeApplicationsRows } from "../applications/removal";
import { systemActor } from "../audit/audit";
import { issueTokens } from "../auth/tokens";
import type { Database } from "../db/client";
import { inUuids, qualified } from "../db/conditions";
import { applications, emailOutbox, files, postTypes, statusEvents, users } from "../db/schema";
import { formatFrenchDate, todayIso } from "../format/date";
import { appLink, brandingFrom } from "../mail/branding";
import { deliverEmails, sealedBody, transactionWithMail, type MailDeps } from "../mail/outbox";
import { compileEmail } from "../mail/template";
import type { Settings } from "../settings/definitions";
import type { Storage } from "../storage/client";
import { scheduleObjectDeletion } from "../storage/deletions";
import { stagingKey, stagingPrefix } from "../uploads/uploads";
import { revokeRenewalTokens } from "./renewals";
import { deletionCutoff, deletionDate, deletionMoment, reminderCutoff, renewalLinkMinutes } from "./rules";
import { noticeTemplate, reminderTemplate } from "./templates";

/**
 * The renewal steps of the daily job. Each takes at most `limit` applications and reports how
 * many it handled; the job calls it again while work remains and time allows. Each step works
 * in short transactions (a batch's notices, reminders or deletions together), so a run stopped anywhere leaves a consistent state and the next run continues. The job's lease (daily-job.ts) keeps two runs from doing these
 * steps at once; every step also re-checks its conditions under a row lock, so a candidate's
 * answer arriving in between always wins.
 */

export { noticeTemplate, reminderTemplate } from "./templates";
const dayMs = 24 * 60 * 60 * 1000;

export type StepDeps = MailDeps & { storage: Storage; now: () => Date };

/**
 * The application is still past its validity: a candidate who kept it meanwhile (new
 * `valid_until`) must never get a notice recorded, a reminder or a deletion. Every step re-checks
 * it under the row lock, together with its own condition.
 */
const expired = (today: string) => lt(applications.validUntil, today);

/** The outbox rows of an application's renewal notice in `status` (and `extra`). */
const noticeOf = (applicationId: SQLWrapper | string, status: "pending" | "sent" | "failed", extra?: SQL) =>
  and(eq(emailOutbox.relatedId, applicationId), eq(emailOutbox.template, noticeTemplate), eq(emailOutbox.status, status), extra);

/** What a renewal mail (the notice, or its reminder) says of its application and where it goes. */
const renewalMailFields = {
  id: applications.id,
  userId: applications.userId,
  email: users.email,
  postType: postTypes.label,
  submittedAt: applications.submittedAt,
  validUntil: applications.validUntil,
};

/** The renewal mail, rendered once for a step and filled per application (lib/mail/template). */
function compileRenewalMail(settings: Settings, reminder: boolean) {
  const branding = brandingFrom(settings);
  return compileEmail(["postType", "submittedOn", "validUntil", "deadline", "keepUrl"], (slots) =>
    createElement(RenewalNoticeEmail, { branding, validityMonths: settings.validityMonths, reminder, ...slots }),
  );
}

/** One application's values for `compileRenewalMail`: its dates, the deletion date, its own link. */
function renewalMailValues(row: { postType: string; submittedAt: Date; validUntil: string }, deadline: string, token: string) {
  return {
    postType: row.postType,
    submittedOn: formatFrenchDate(row.submittedAt),
    validUntil: formatFrenchDate(row.validUntil),
    deadline,
    keepUrl: appLink(`/renouvellement/${token}`),
  };
}

/** Still waiting for its notice: submitted, past its validity, no notice recorded. */
const awaitingNotice = (today: string) => and(eq(applications.status, "submitted"), isNull(applications.renewalNoticeSentAt), expired(today));

/**
 * Renewal notices for submitted applications past `valid_until`. The notice counts from the
 * moment SMTP accepted it: the mail is rendered (with its deadline) just before it is sent, and
 * `renewal_notice_sent_at` is set from the outbox's `sent_at`. If SMTP refuses, nothing is
 * counted and the next run renders it again with a deadline from the new delivery date.
 * Candidates without email get no mail: the notice is on their dashboard, staff contact them,
 * and their countdown starts at `valid_until`.
 *
 * A step's applications go together: one transaction issues their links and queues their mails
 * (a fixed number of statements, where each application had its own transaction of about
 * fifteen), the mails leave over the pooled mailer's connections, and one more transaction
 * records the delivered ones.
 */
export async function sendRenewalNotices(deps: StepDeps, settings: Settings, limit: number) {
  const { db } = deps;
  const today = todayIso(deps.now());
  const due = await db
    .select({
      ...renewalMailFields,
      // A previous run may have had the mail accepted and stopped before recording it.
      delivered: sql<boolean>`exists (select 1 from ${emailOutbox} where ${deliveredNotice})`,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(
      and(
        eq(applications.status, "submitted"),
        lt(applications.validUntil, today),
        isNull(applications.renewalNoticeSentAt),
        // A notice SMTP refused a moment ago waits for its backoff (the next run), rather than
        // using up its attempts within one run.
        notExists(db.select({ id: emailOutbox.id }).from(emailOutbox).where(noticeOf(applications.id, "pending", sql`${emailOutbox.nextAttemptAt} > now()`))),
        // A notice SMTP refused for good is for staff to follow up, not to resend every day.
        // Only this validity period's notice: an older one may have failed before a renewal.
        notExists(
          db
            .select({ id: emailOutbox.id })
            .from(emailOutbox)
            .where(noticeOf(applications.id, "failed", sql`${emailOutbox.createdAt} > (${applications.validUntil})::timestamptz`)),
        ),
      ),
    )
    .orderBy(asc(applications.validUntil))
    .limit(limit);

  const result = { sent: 0, failed: 0, withoutEmail: 0, recovered: 0 };
  const ids = (rows: typeof due) => rows.map((row) => row.id);
  result.withoutEmail = await recordNoticesWithoutEmail(db, ids(due.filter((row) => !row.email)), today);
  result.recovered = await recordNotices(db, ids(due.filter((row) => row.email && row.delivered)), today);
  const toSend = due.filter((row) => row.email && !row.delivered);
  if (toSend.length > 0) {
    const notice = await compileRenewalMail(settings, false);
    const queued = await db.transaction(async (tx) => {
      // The conditions again, under the lock: an answer that arrived since the select wins.
      const locked = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(inUuids(applications.id, ids(toSend)), awaitingNotice(today)))
        .for("update", { skipLocked: true });
      if (locked.length === 0) return [];
      const lockedIds = new Set(locked.map((row) => row.id));
      const batch = toSend.filter((row) => lockedIds.has(row.id));
      const now = deps.now();
      const deadline = formatFrenchDate(deletionDate(now, settings.graceDays));
      const validMinutes = renewalLinkMinutes(deletionMoment(now, settings.graceDays), now);
      await revokeRenewalTokens(tx, ids(batch), { superseded: true });
      const links = await issueTokens(
        tx,
        batch.map((row) => ({ userId: row.userId, purpose: "renewal" as const, subject: row.id, validMinutes })),
      );
      // A notice SMTP refused earlier is rendered again (new link, new deadline), keeping its attempt count.
      const pending = await tx
        .select({ id: emailOutbox.id, relatedId: emailOutbox.relatedId })
        .from(emailOutbox)
        .where(and(inUuids(emailOutbox.relatedId, ids(batch)), eq(emailOutbox.template, noticeTemplate), eq(emailOutbox.status, "pending")));
      const pendingOf = new Map(pending.map((row) => [row.relatedId, row.id]));
      const outboxIds: string[] = [];
      const fresh = [];
      for (const [index, row] of batch.entries()) {
        const values = renewalMailValues(row, deadline, links[index]!);
        const mail = { toAddress: row.email!, userId: row.userId, subject: renewalNoticeSubject(values), ...sealedBody(notice.fill(values)), nextAttemptAt: sql`now()` };
        const pendingId = pendingOf.get(row.id);
        if (pendingId) {
          await tx.update(emailOutbox).set(mail).where(eq(emailOutbox.id, pendingId));
          outboxIds.push(pendingId);
        } else {
          fresh.push({ ...mail, template: noticeTemplate, relatedId: row.id });
        }
      }
      if (fresh.length > 0) outboxIds.push(...(await tx.insert(emailOutbox).values(fresh).returning({ id: emailOutbox.id })).map((row) => row.id));
      return outboxIds;
    });
    if (queued.length > 0) {
      const delivery = await deliverEmails({ ids: queued, limit: queued.length }, deps);
      result.failed = delivery.failed + delivery.gaveUp;
      // A row is gone if its candidate answered while it was being sent: nothing to record.
      result.sent = await recordNotices(db, ids(toSend), today);
    }
  }
  return { ...result, more: due.length === limit };
}

/**
 * This validity period's delivered notice of the application in the query around it: sent
 * after the validity ended (a notice of an earlier period, answered since, does not count).
 */
const deliveredNotice = noticeOf(qualified(applications.id), "sent", sql`${emailOutbox.sentAt} > (${qualified(applications.validUntil)})::timestamptz`);

/**
 * Records the notices of `applicationIds` as given at `sentAt` (an expression over the
 * application), with a status event each, unless the candidate answered (kept: new validity)
 * meanwhile or `sentAt` is null. Returns how many were recorded.
 */
async function recordNoticesAt(db: Database, applicationIds: string[], today: string, sentAt: SQL, comment?: string): Promise<number> {
  if (applicationIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set({ renewalNoticeSentAt: sentAt })
      .where(and(inUuids(applications.id, applicationIds), awaitingNotice(today), sql`${sentAt} is not null`))
      .returning({ id: applications.id });
    if (updated.length > 0) await tx.insert(statusEvents).values(updated.map((row) => ({ applicationId: row.id, kind: "renewal_notice_sent" as const, comment })));
    return updated.length;
  });
}

/** Delivered notices: from their first delivery this period (the outbox's `sent_at`). */
const recordNotices = (db: Database, applicationIds: string[], today: string) =>
  recordNoticesAt(db, applicationIds, today, sql`(select min(${emailOutbox.sentAt}) from ${emailOutbox} where ${deliveredNotice})`);

/**
 * Candidates without email: the notice is recorded (and shown in their space), nothing is sent.
 * From the end of validity (midnight in Paris after `valid_until`), never in the past: a job
 * that did not run for weeks must not delete what nobody was told about.
 */
const recordNoticesWithoutEmail = (db: Database, applicationIds: string[], today: string) =>
  recordNoticesAt(
    db,
    applicationIds,
    today,
    sql`greatest(now(), ((${qualified(applications.validUntil)} + 1)::timestamp at time zone 'Europe/Paris'))`,
    "Candidat sans adresse électronique : avis affiché dans son espace",
  );

/**
 * Reminders a few days before deletion, to candidates who have not answered the notice. A
 * step's applications go together, as notices do: one transaction locks them, issues their
 * links, queues their mails (one render for the batch, filled per candidate) and records the
 * reminders, where each application had its own transaction of about ten statements; the mails
 * leave over the pooled mailer's connections after commit.
 */
export async function sendRenewalReminders(deps: StepDeps, settings: Settings, limit: number) {
  const { db } = deps;
  const cutoff = reminderCutoff(deps.now(), settings.graceDays, settings.reminderDaysBeforeDeletion);
  const today = todayIso(deps.now());
  const awaitingReminder = and(
    eq(applications.status, "submitted"),
    isNotNull(users.email),
    lte(applications.renewalNoticeSentAt, cutoff),
    isNull(applications.renewalReminderSentAt),
    expired(today),
  );
  const due = await db.select({ id: applications.id }).from(applications).innerJoin(users, eq(users.id, applications.userId)).where(awaitingReminder).limit(limit);
  if (due.length === 0) return { sent: 0, more: false };
  const reminder = await compileRenewalMail(settings, true);
  const sent = await transactionWithMail(async (tx, outbox) => {
    // The conditions again, under the lock: an answer that arrived since the select wins.
    const locked = await tx
      .select({ ...renewalMailFields, noticeSentAt: applications.renewalNoticeSentAt })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
      .where(and(inUuids(applications.id, due.map((row) => row.id)), awaitingReminder))
      .for("update", { of: applications, skipLocked: true });
    const batch = locked.flatMap((row) => (row.email && row.noticeSentAt ? [{ ...row, email: row.email, noticeSentAt: row.noticeSentAt }] : []));
    if (batch.length === 0) return 0;
    const links = await issueTokens(
      tx,
      batch.map((row) => ({
        userId: row.userId,
        purpose: "renewal" as const,
        subject: row.id,
        validMinutes: renewalLinkMinutes(deletionMoment(row.noticeSentAt, settings.graceDays), deps.now()),
      })),
    );
    await outbox.enqueueMany(
      batch.map((row, index) => {
        // The deadline is fixed by the notice already delivered: a late delivery cannot shorten it.
        const values = renewalMailValues(row, formatFrenchDate(deletionDate(row.noticeSentAt, settings.graceDays)), links[index]!);
        return { template: reminderTemplate, to: row.email, userId: row.userId, subject: renewalNoticeSubject({ ...values, reminder: true }), relatedId: row.id, body: reminder.fill(values) };
      }),
    );
    const ids = batch.map((row) => row.id);
    await tx.update(applications).set({ renewalReminderSentAt: deps.now() }).where(inUuids(applications.id, ids));
    await tx.insert(statusEvents).values(ids.map((applicationId) => ({ applicationId, kind: "renewal_reminder_sent" as const })));
    return batch.length;
  }, deps);
  return { sent, more: due.length === limit };
}

/**
 * Deletes applications whose delivered notice is older than the grace period: rows, files, a
 * `deleted_applications` trace, an audit entry and a last mail each. A step's applications go
 * in one transaction of a fixed number of statements (`removeApplicationsRows`), where each
 * had its own transaction of about 24. The objects are returned for deletion from storage
 * after commit (retried by the job on failure).
 */
export async function deleteUnansweredApplications(deps: StepDeps, settings: Settings, limit: number) {
  const { db } = deps;
  const cutoff = deletionCutoff(deps.now(), settings.graceDays);
  const today = todayIso(deps.now());
  const unanswered = and(eq(applications.status, "submitted"), lte(applications.renewalNoticeSentAt, cutoff), expired(today));
  const due = await db.select({ id: applications.id }).from(applications).where(unanswered).limit(limit);
  if (due.length === 0) return { deleted: 0, keys: [] as string[], more: false };
  const branding = brandingFrom(settings);
  const date = formatFrenchDate(todayIso(deps.now()));
  const spaceUrl = appLink("/candidatures");
  // One render for the batch, filled per candidate with the post type (lib/mail/template).
  const outcome = await compileEmail(["postType"], ({ postType }) => createElement(ApplicationRenewalOutcomeEmail, { branding, outcome: "deleted", postType, date, spaceUrl }));
  const removed = await transactionWithMail(async (tx, outbox) => {
    // The conditions again, under the lock: an answer that arrived since the select wins.
    const locked = await tx
      .select({ id: applications.id, email: users.email })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .where(and(inUuids(applications.id, due.map((row) => row.id)), unanswered))
      .for("update", { of: applications, skipLocked: true });
    const rows = await removeApplicationsRows(tx, locked.map((row) => row.id), "no_renewal_answer", systemActor);
    const emailOf = new Map(locked.map((row) => [row.id, row.email]));
    await outbox.enqueueMany(
      rows.flatMap((row) => {
        const to = emailOf.get(row.id);
        return to ? [{ template: "application-deleted", to, userId: row.userId, subject: applicationRenewalOutcomeSubject("deleted"), body: outcome.fill({ postType: row.postTypeLabel }) }] : [];
      }),
    );
    return rows;
  }, deps);
  return { deleted: removed.length, keys: removed.flatMap((row) => row.keys), more: due.length === limit };
}

/**
 * Uploads started but never confirmed or linked (and refused ones), older than a day, and
 * objects left under the staging prefix (a presigned POST replayed after its check).
 */
export async function sweepAbandonedUploads(deps: StepDeps, limit: number) {
  const { db } = deps;
  const cutoff = new Date(deps.now().getTime() - dayMs);
  const stale = await db
    .select({ id: files.id, key: files.storageKey })
    .from(files)
    .where(and(inArray(files.status, ["pending", "rejected"]), lt(files.createdAt, cutoff)))
    .limit(limit);
  if (stale.length === 0) return { swept: 0, keys: [] as string[], more: false };
  const keys = await db.transaction(async (tx) => {
    // Only what is still abandoned now: a file confirmed since the select keeps its object.
    const deleted = await tx
      .delete(files)
      .where(and(inArray(files.id, stale.map((file) => file.id)), inArray(files.status, ["pending", "rejected"])))
      .returning({ key: files.storageKey });
    const gone = deleted.map((file) => file.key);
    await scheduleObjectDeletion(tx, [...gone, ...stale.filter((file) => gone.includes(file.key)).map((file) => stagingKey(file.id))]);
    return gone;
  });
  return { swept: keys.length, keys, more: stale.length === limit };
}

/** Staging objects older than a day belong to no pending upload any more (policies last minutes). */
export async function sweepStagingObjects(deps: StepDeps) {
  const cutoff = new Date(deps.now().getTime() - dayMs);
  const listed = await deps.storage.client.send(new ListObjectsV2Command({ Bucket: deps.storage.bucket, Prefix: stagingPrefix, MaxKeys: 1000 }));
  const old = (listed.Contents ?? []).filter((object) => object.Key && object.LastModified && object.LastModified < cutoff).map((object) => object.Key!);
  if (old.length) {
    await deps.storage.client.send(new DeleteObjectsCommand({ Bucket: deps.storage.bucket, Delete: { Objects: old.map((Key) => ({ Key })), Quiet: true } }));
  }
  return { deleted: old.length };
}
