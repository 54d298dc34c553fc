import "server-only";
import { and, asc, desc, eq, exists, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { applications, emailOutbox, jobRuns, postTypes, users } from "../db/schema";
import { displayName } from "../accounts/personal-details";
import { loadSettings } from "../settings/settings";
import { applicationPerimeter, assertStaff, type StaffMember } from "../staff/access";
import type { DailyJobSummary } from "./daily-job";
import { deletionDate } from "./rules";

/** What staff follow of the six-month rule (the admin space extends it). */

export async function lastJobRuns(db: Queryable, limit = 10) {
  const rows = await db.select().from(jobRuns).where(eq(jobRuns.job, "daily")).orderBy(desc(jobRuns.startedAt)).limit(limit);
  return rows.map((row) => ({ ...row, summary: row.summary as DailyJobSummary | null }));
}

/** Submitted applications whose notice is out, with their deletion date; candidates without email first. */
export async function applicationsAwaitingAnswer(db: Queryable, staff: StaffMember) {
  assertStaff(staff);
  const settings = await loadSettings(db);
  const rows = await db
    .select({
      id: applications.id,
      postType: postTypes.label,
      validUntil: applications.validUntil,
      noticeSentAt: applications.renewalNoticeSentAt,
      reminderSentAt: applications.renewalReminderSentAt,
      identifier: users.identifier,
      email: users.email,
      phone: users.phone,
      firstName: users.firstName,
      usageName: users.usageName,
      birthName: users.birthName,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(and(eq(applications.status, "submitted"), isNotNull(applications.renewalNoticeSentAt), applicationPerimeter(staff)))
    .orderBy(asc(applications.renewalNoticeSentAt))
    .limit(500);
  return rows.map((row) => ({
    id: row.id,
    postType: row.postType,
    validUntil: row.validUntil,
    noticeSentAt: row.noticeSentAt!,
    reminderSentAt: row.reminderSentAt,
    deletionDate: deletionDate(row.noticeSentAt!, settings.graceDays),
    candidate: displayName(row),
    identifier: row.identifier,
    email: row.email,
    phone: row.phone,
  }));
}

/**
 * Mails SMTP refused for good, to candidates whose applications the staff member sees: staff
 * reach these people another way. (Mails to staff accounts are not theirs to read.)
 */
export async function undeliveredMails(db: Queryable, staff: StaffMember, limit = 50) {
  assertStaff(staff);
  const perimeter = applicationPerimeter(staff);
  return db
    .select({ id: emailOutbox.id, template: emailOutbox.template, to: emailOutbox.toAddress, subject: emailOutbox.subject, attempts: emailOutbox.attempts, lastError: emailOutbox.lastError, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, "failed"),
        exists(
          sql`(select 1 from ${users} where ${users.email} = ${emailOutbox.toAddress} and ${users.role} = 'candidate'${
            perimeter ? sql` and exists (select 1 from ${applications} where ${applications.userId} = ${users.id} and ${perimeter})` : sql``
          })`,
        ),
      ),
    )
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}
