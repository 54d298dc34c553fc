import { addMonths, todayIso } from "../format/date";

/**
 * The six-month rule's dates (DESIGN.md "The six-month renewal"), in one place: filing, the
 * candidate's "Maintenir", staff extensions, reminders and deletions all take them from here.
 * Pure.
 */

const dayMs = 24 * 60 * 60 * 1000;

/** A new application is valid for the set months from the day (Paris) it is filed. */
export function initialValidity(submittedAt: Date, validityMonths: number): string {
  return addMonths(todayIso(submittedAt), validityMonths);
}

/** The moment from which an unanswered application may be deleted: delivered notice + grace. */
export function deletionMoment(noticeSentAt: Date, graceDays: number): Date {
  return new Date(noticeSentAt.getTime() + graceDays * dayMs);
}

/**
 * How long a renewal link (the notice's, the reminder's) answers: until a day after the deletion
 * its mail announces, an hour at least.
 */
export function renewalLinkMinutes(deletionAt: Date, now: Date): number {
  return Math.max(60, Math.ceil((deletionAt.getTime() - now.getTime()) / 60_000) + 24 * 60);
}

/** The day (Paris) from which an unanswered application may be deleted. */
export function deletionDate(noticeSentAt: Date, graceDays: number): string {
  return todayIso(deletionMoment(noticeSentAt, graceDays));
}

/** Applications whose notice was delivered at or before this moment are past their grace. */
export function deletionCutoff(now: Date, graceDays: number): Date {
  return new Date(now.getTime() - graceDays * dayMs);
}

/** Applications whose notice was delivered at or before this moment get their reminder. */
export function reminderCutoff(now: Date, graceDays: number, reminderDaysBeforeDeletion: number): Date {
  return new Date(now.getTime() - (graceDays - reminderDaysBeforeDeletion) * dayMs);
}

/** The candidate's space offers "Maintenir ma candidature" from this many days before `valid_until`. */
export const keepWindowDays = 30;

export function isoMinusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10);
}

/** Whether the candidate may keep the application from their space today. */
export function canKeepFromSpace(application: { status: string; validUntil: string }, today = todayIso()): boolean {
  return application.status === "submitted" && today >= isoMinusDays(application.validUntil, keepWindowDays);
}

/** The new validity when a candidate keeps an application. */
export function renewedValidity(validityMonths: number, today = todayIso()): string {
  return addMonths(today, validityMonths);
}

/** "Prolonger d'un mois" in the staff space. */
export const staffExtensionMonths = 1;

/** One more month from the current end of validity, or from today when it has passed. */
export function extendedValidity(validUntil: string, today = todayIso()): string {
  return addMonths(validUntil > today ? validUntil : today, staffExtensionMonths);
}
