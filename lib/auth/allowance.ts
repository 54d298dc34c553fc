import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { authThrottle } from "../db/schema";
import { formatParisTime } from "../format/date";

/**
 * What anyone may ask of the platform in a window, counted in PostgreSQL (one statement, so it
 * holds across instances): each registration costs a 128 MiB password hash, and every mail
 * request is a mail someone else receives.
 * - `…From`: per client address (an IPv6 /64); generous, since a lycée or a France services
 *   desk puts many people behind one address;
 * - `…Everywhere`: for the whole platform, so no spread-out flood can exhaust the server or
 *   the mail quota;
 * - `mailsTo`: per recipient — nobody gets more than three activation or "someone tried to
 *   register with your address" mails an hour, whoever asks.
 */
export const allowances = {
  registrationFrom: { limit: 60, windowMinutes: 60 },
  registrationEverywhere: { limit: 5000, windowMinutes: 60 },
  mailRequestsFrom: { limit: 20, windowMinutes: 60 },
  mailRequestsEverywhere: { limit: 3000, windowMinutes: 60 },
  mailsTo: { limit: 3, windowMinutes: 60 },
  // "Se connecter avec une clé d'accès" stores a challenge per click, before anyone is known.
  passkeyChallengesFrom: { limit: 60, windowMinutes: 10 },
} as const;

export type Allowance = { limit: number; windowMinutes: number };

export const allowanceKeys = {
  registrationFrom: (subject: string) => `registration:${subject}`,
  registrationEverywhere: "registration:*",
  mailRequestsFrom: (subject: string) => `mail-request:${subject}`,
  mailRequestsEverywhere: "mail-request:*",
  mailsTo: (recipient: string) => `mails-to:${recipient.trim().toLowerCase()}`,
  passkeyChallengesFrom: (subject: string) => `passkey-challenge:${subject}`,
} as const;

/**
 * Counts one use of `key`; null when it is within the allowance, else when the window ends.
 * A refused use is counted too: hammering does not shorten the wait.
 */
export async function takeAllowance(db: Queryable, key: string, rule: Allowance): Promise<Date | null> {
  const windowExpired = sql`${authThrottle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes})`;
  const rows = await db.execute<{ failures: number; window_started_at: string | Date }>(sql`
    insert into ${authThrottle} (key, failures) values (${key}, 1)
    on conflict (key) do update set
      failures = case when ${windowExpired} then 1 else ${authThrottle.failures} + 1 end,
      window_started_at = case when ${windowExpired} then now() else ${authThrottle.windowStartedAt} end
    returning failures, window_started_at`);
  const row = rows[0]!;
  if (row.failures <= rule.limit) return null;
  return new Date(new Date(row.window_started_at).getTime() + rule.windowMinutes * 60_000);
}

/** Takes from each allowance in turn; the first refusal's end, or null when all allow it. */
export async function takeAllowances(db: Queryable, uses: [key: string, rule: Allowance][]): Promise<Date | null> {
  for (const [key, rule] of uses) {
    const until = await takeAllowance(db, key, rule);
    if (until) return until;
  }
  return null;
}

export function tryAgainAt(until: Date): string {
  return `réessayez à partir de ${formatParisTime(until)}`;
}

/** A registration from `subject` (lib/security/client-address: rateLimitSubject). */
export function takeRegistration(db: Queryable, subject: string): Promise<Date | null> {
  return takeAllowances(db, [
    [allowanceKeys.registrationFrom(subject), allowances.registrationFrom],
    [allowanceKeys.registrationEverywhere, allowances.registrationEverywhere],
  ]);
}

/** A request that mails someone (lost password, new activation link) from `subject`. */
export function takeMailRequest(db: Queryable, subject: string): Promise<Date | null> {
  return takeAllowances(db, [
    [allowanceKeys.mailRequestsFrom(subject), allowances.mailRequestsFrom],
    [allowanceKeys.mailRequestsEverywhere, allowances.mailRequestsEverywhere],
  ]);
}

/** Whether `recipient` may get one more unsolicited mail this hour (else it is silently skipped). */
export async function mayMail(db: Queryable, recipient: string): Promise<boolean> {
  return (await takeAllowance(db, allowanceKeys.mailsTo(recipient), allowances.mailsTo)) === null;
}
