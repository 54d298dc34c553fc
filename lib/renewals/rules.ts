import { addMonths, todayIso } from "../format/date";

/** The six-month rule's dates (DESIGN.md "The six-month renewal"). Pure. */

const dayMs = 24 * 60 * 60 * 1000;

/** The day (Paris) from which an unanswered application may be deleted: notice + grace. */
export function deletionDate(noticeSentAt: Date, graceDays: number): string {
  return todayIso(new Date(noticeSentAt.getTime() + graceDays * dayMs));
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
