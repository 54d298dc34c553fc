/** Dates as French people read and type them: JJ/MM/AAAA. Pure helpers, usable in the browser. */

/**
 * A date as people type it, on a computer or a phone's numeric keypad (which has no "/"):
 * "31/12/2000", "31 12 2000", "31-12-2000", "31.12.2000", "31122000" → "2000-12-31"; null for
 * anything that is not a real calendar date with a four-digit year.
 */
export function parseFrenchDate(value: string): string | null {
  const trimmed = value.trim();
  const match = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** What a date field shows once typed: "17.05.1990" → "17/05/1990"; anything else as it was. */
export function normalizeFrenchDate(value: string): string {
  const iso = parseFrenchDate(value);
  return iso ? formatFrenchDate(iso) : value;
}

// Made once: building an Intl.DateTimeFormat costs tens of microseconds, which an export of
// 150 000 rows paid twice per row (13 s of its 36 s).
const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
const parisTime = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** "2000-12-31" → "31/12/2000"; a moment → the day it is in Paris (not in UTC: 00:30 in Paris is still that day). */
export function formatFrenchDate(value: string | Date): string {
  const iso = typeof value === "string" ? value : todayIso(value);
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** Whole years between an ISO birth date and `today` (ISO). */
export function ageOn(birthIso: string, todayIso: string): number {
  const [by, bm, bd] = birthIso.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** A moment as "14 h 05" in Paris time, for "réessayez à partir de …". */
export function formatParisTime(date: Date): string {
  return parisTime
    .format(date)
    .replace(":", " h ");
}

// Paris has changed its offset only at whole UTC hours since 1911 (summer time starts and ends
// at 01:00 UTC), so the day of a moment is the day of its hour: the last hour's day is kept.
// An export formats 150 000 moments in order, a dozen an hour; Intl took 3 % of its time.
let lastHour = Number.NaN;
let lastDay = "";

/** Today's date in Paris, as "YYYY-MM-DD". */
export function todayIso(now = new Date()): string {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour !== lastHour) {
    lastDay = parisDay.format(now);
    lastHour = hour;
  }
  return lastDay;
}

/** "2026-08-31" + 6 months → "2027-02-28": the same day, or the month's last day when it has none. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** 2 411 724 bytes → "2,3 Mo"; small files in ko. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}
