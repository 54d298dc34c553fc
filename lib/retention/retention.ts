import "server-only";
import { and, asc, eq, exists, inArray, isNotNull, isNull, lt, notExists, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { RetentionNoticeEmail, retentionNoticeSubject, type RetentionNoticeProps } from "../../emails/retention-notice";
import { eraseAccount } from "../accounts/account";
import { removeApplicationRows } from "../applications/removal";
import { systemActor } from "../audit/audit";
import type { Transaction } from "../db/client";
import { applications, emailOutbox, postTypes, users } from "../db/schema";
import { formatFrenchDate } from "../format/date";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type MailDeps } from "../mail/outbox";
import { deletionCutoff, deletionDate } from "../renewals/rules";
import type { Settings } from "../settings/definitions";
import { retentionNoticeDays } from "./periods";

/**
 * How long the platform keeps what no longer serves a recruitment (the durations are settings,
 * stated on "Données personnelles"), enforced by the daily job:
 * - an account whose address was never confirmed: deleted `unverifiedAccountDays` after its
 *   registration, without a mail (the address may not be its owner's);
 * - an account that never held an application, unused (no sign-in) for `inactiveAccountMonths`:
 *   a notice, then the deletion `retentionNoticeDays` later unless its owner signs in;
 * - an application closed (recruited, rejected, withdrawn) for `closedApplicationMonths`: a
 *   notice, then the deletion `retentionNoticeDays` later.
 * As with renewals, nothing announced is deleted before its notice was delivered (SMTP accepted
 * it) and the notice period passed; an account without email gets no mail but the same delay.
 */
export { retentionNoticeDays } from "./periods";

export const retentionTemplate = "retention-notice";

export type RetentionDeps = MailDeps & { now: () => Date };

type StepResult = { count: number; keys: string[]; more: boolean };

const months = (count: number) => sql`make_interval(months => ${count})`;
const days = (count: number) => sql`make_interval(days => ${count})`;
const nowOf = (deps: RetentionDeps) => sql`${deps.now().toISOString()}::timestamptz`;

/**
 * The notice of a coming deletion, in one transaction with `mark` (which records it, under a
 * re-check, and returns false when the row no longer qualifies): the mail goes only where an
 * address exists, and names the day from which the job may delete (the renewal rules' date).
 */
async function sendNotice(
  deps: RetentionDeps,
  mark: (tx: Transaction) => Promise<boolean>,
  mail: { to: string | null; userId: string; relatedId: string } & Pick<RetentionNoticeProps, "kind" | "postType" | "actionUrl">,
): Promise<boolean> {
  return transactionWithMail(async (tx, outbox) => {
    if (!(await mark(tx))) return false;
    if (!mail.to) return true;
    await outbox.enqueue({
      template: retentionTemplate,
      to: mail.to,
      userId: mail.userId,
      relatedId: mail.relatedId,
      subject: retentionNoticeSubject(mail.kind),
      element: createElement(RetentionNoticeEmail, {
        branding: await loadBranding(tx),
        kind: mail.kind,
        postType: mail.postType,
        actionUrl: mail.actionUrl,
        deletionDate: formatFrenchDate(deletionDate(deps.now(), retentionNoticeDays)),
        dataUrl: appLink("/compte"),
      }),
    });
    return true;
  }, deps);
}

/** The notice about `relatedId` was delivered (or there was no address to deliver it to). */
const noticeDelivered = (relatedId: typeof users.id | typeof applications.id) =>
  exists(
    sql`(select 1 from ${emailOutbox} where ${emailOutbox.relatedId} = ${relatedId} and ${emailOutbox.template} = ${retentionTemplate} and ${emailOutbox.status} = 'sent')`,
  );

/** Deletes each due row in its own transaction (`erase` re-checks under lock and returns null when it no longer applies). */
async function eraseEach(deps: RetentionDeps, due: { id: string }[], limit: number, erase: (tx: Transaction, id: string) => Promise<{ keys: string[] } | null>): Promise<StepResult> {
  const keys: string[] = [];
  let count = 0;
  for (const { id } of due) {
    const erased = await deps.db.transaction((tx) => erase(tx, id));
    if (erased) {
      count += 1;
      keys.push(...erased.keys);
    }
  }
  return { count, keys, more: due.length === limit };
}

const neverApplied = notExists(sql`(select 1 from ${applications} where ${applications.userId} = ${users.id})`);

export async function deleteUnverifiedAccounts(deps: RetentionDeps, settings: Settings, limit: number): Promise<StepResult> {
  const due = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, "candidate"),
        isNotNull(users.email),
        isNull(users.emailVerifiedAt),
        lt(users.createdAt, sql`${nowOf(deps)} - ${days(settings.unverifiedAccountDays)}`),
      ),
    )
    .orderBy(asc(users.createdAt))
    .limit(limit);
  return eraseEach(deps, due, limit, async (tx, id) => {
    // Confirmed since the select: it stays.
    const [still] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, id), isNull(users.emailVerifiedAt))).for("update");
    const erased = still ? await eraseAccount(tx, id, "account.deleted_unverified") : null;
    return erased && { keys: erased.storageKeys };
  });
}

/** Unused accounts that never applied: the notice, `retentionNoticeDays` before the deletion. */
export async function noticeInactiveAccounts(deps: RetentionDeps, settings: Settings, limit: number): Promise<StepResult> {
  const lastUse = sql`coalesce(${users.lastLoginAt}, ${users.emailVerifiedAt}, ${users.createdAt})`;
  const due = await deps.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.role, "candidate"),
        isNull(users.retentionNoticeSentAt),
        or(isNull(users.email), isNotNull(users.emailVerifiedAt)),
        sql`${lastUse} < ${nowOf(deps)} - ${months(settings.inactiveAccountMonths)} + ${days(retentionNoticeDays)}`,
        neverApplied,
      ),
    )
    .limit(limit);
  let count = 0;
  for (const account of due) {
    const mark = async (tx: Transaction) =>
      // Still unannounced and never applied (an application filed since keeps the account).
      (await tx.update(users).set({ retentionNoticeSentAt: deps.now() }).where(and(eq(users.id, account.id), isNull(users.retentionNoticeSentAt), neverApplied)).returning({ id: users.id })).length === 1;
    if (await sendNotice(deps, mark, { to: account.email, userId: account.id, relatedId: account.id, kind: "account", actionUrl: appLink("/") })) count += 1;
  }
  return { count, keys: [], more: due.length === limit };
}

export async function deleteInactiveAccounts(deps: RetentionDeps, limit: number): Promise<StepResult> {
  const due = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, "candidate"),
        lt(users.retentionNoticeSentAt, deletionCutoff(deps.now(), retentionNoticeDays)),
        // A sign-in since the notice keeps the account (authenticate clears the notice too).
        or(isNull(users.lastLoginAt), lt(users.lastLoginAt, users.retentionNoticeSentAt)),
        or(isNull(users.email), noticeDelivered(users.id)),
        neverApplied,
      ),
    )
    .limit(limit);
  return eraseEach(deps, due, limit, async (tx, id) => {
    const [still] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, id), isNotNull(users.retentionNoticeSentAt), neverApplied)).for("update");
    const erased = still ? await eraseAccount(tx, id, "account.deleted_inactive") : null;
    return erased && { keys: erased.storageKeys };
  });
}

const closedStatuses = ["recruited", "rejected", "withdrawn"] as const;

export async function noticeClosedApplications(deps: RetentionDeps, settings: Settings, limit: number): Promise<StepResult> {
  const due = await deps.db
    .select({ id: applications.id, userId: applications.userId, email: users.email, postType: postTypes.label })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(
      and(
        inArray(applications.status, [...closedStatuses]),
        isNull(applications.retentionNoticeSentAt),
        lt(applications.updatedAt, sql`${nowOf(deps)} - ${months(settings.closedApplicationMonths)} + ${days(retentionNoticeDays)}`),
      ),
    )
    .limit(limit);
  let count = 0;
  for (const application of due) {
    const mark = async (tx: Transaction) =>
      (
        await tx
          .update(applications)
          .set({ retentionNoticeSentAt: deps.now() })
          .where(and(eq(applications.id, application.id), isNull(applications.retentionNoticeSentAt), inArray(applications.status, [...closedStatuses])))
          .returning({ id: applications.id })
      ).length === 1;
    const mail = { to: application.email, userId: application.userId, relatedId: application.id, kind: "application" as const, postType: application.postType, actionUrl: appLink(`/candidatures/${application.id}`) };
    if (await sendNotice(deps, mark, mail)) count += 1;
  }
  return { count, keys: [], more: due.length === limit };
}

export async function deleteClosedApplications(deps: RetentionDeps, limit: number): Promise<StepResult> {
  const due = await deps.db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(
      and(
        inArray(applications.status, [...closedStatuses]),
        lt(applications.retentionNoticeSentAt, deletionCutoff(deps.now(), retentionNoticeDays)),
        or(isNull(users.email), noticeDelivered(applications.id)),
      ),
    )
    .limit(limit);
  return eraseEach(deps, due, limit, async (tx, id) => {
    const [still] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, id), inArray(applications.status, [...closedStatuses]), isNotNull(applications.retentionNoticeSentAt)))
      .for("update");
    return still ? removeApplicationRows(tx, id, "retention", systemActor) : null;
  });
}
