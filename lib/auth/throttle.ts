import "server-only";
import { eq, inArray, like, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { authThrottle } from "../db/schema";

/**
 * Login throttling: after `limit` failures within the window, a key is locked for
 * `lockMinutes`. The state lives in PostgreSQL, shared by every instance.
 * - per identifier *and* address: guessing one account's password from one place stops after
 *   10 tries — while its owner, elsewhere, still signs in (a lock anyone could set on anyone's
 *   account would be a weapon);
 * - per identifier from everywhere: a guess spread over many addresses stops after 100; a
 *   password reset lifts it for the owner;
 * - per address: spraying many accounts from one place stops after 50.
 */
export const throttlePolicy = {
  identifier: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  identifierEverywhere: { limit: 100, windowMinutes: 60, lockMinutes: 30 },
  // Wrong current passwords typed in a signed-in session (email, password, deletion).
  confirmation: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  address: { limit: 50, windowMinutes: 15, lockMinutes: 15 },
  // Wrong second factors of one staff member, whatever the session they came from.
  secondFactor: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  // Password reset links mailed to one account (counted as sent, not as failures).
  resetMail: { limit: 3, windowMinutes: 60, lockMinutes: 60 },
} as const;

export type ThrottleRule = { limit: number; windowMinutes: number; lockMinutes: number };

export const identifierKey = (identifier: string) => `identifier:${identifier}`;
/** One identifier tried from one address (an IPv6 /64: lib/security/client-address). */
export const identifierFromKey = (identifier: string, addressSubject: string) => `identifier:${identifier}@${addressSubject}`;
export const confirmationKey = (userId: string) => `confirm:${userId}`;
export const recoveryKey = (identifier: string) => `recovery:${identifier}`;
export const addressKey = (address: string) => `address:${address}`;
export const secondFactorKey = (userId: string) => `factor:${userId}`;
export const resetMailKey = (userId: string) => `reset-mail:${userId}`;

/** The latest lock end among `keys`, or null when none is locked now. */
export async function lockedUntil(db: Queryable, keys: string[]): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys));
  const now = Date.now();
  const locks = rows.map((row) => row.lockedUntil?.getTime() ?? 0).filter((time) => time > now);
  return locks.length ? new Date(Math.max(...locks)) : null;
}

export async function recordFailure(db: Queryable, key: string, rule: ThrottleRule): Promise<void> {
  const windowExpired = sql`${authThrottle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes})`;
  const failures = sql`case when ${windowExpired} then 1 else ${authThrottle.failures} + 1 end`;
  await db
    .insert(authThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${windowExpired} then now() else ${authThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${rule.limit} then now() + make_interval(mins => ${rule.lockMinutes}) else ${authThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [key]));
}

/** Counters whose window and lock ended a day ago or more (they no longer count for anything). */
export async function purgeStaleThrottles(db: Queryable): Promise<number> {
  const rows = await db
    .delete(authThrottle)
    .where(sql`${authThrottle.windowStartedAt} < now() - interval '1 day' and (${authThrottle.lockedUntil} is null or ${authThrottle.lockedUntil} < now() - interval '1 day')`)
    .returning({ key: authThrottle.key });
  return rows.length;
}

/** Lifts every login lock of an identifier, from everywhere (a password reset, an account deleted). */
export async function clearIdentifier(db: Queryable, identifier: string): Promise<void> {
  const key = identifierKey(identifier);
  await db.delete(authThrottle).where(or(eq(authThrottle.key, key), like(authThrottle.key, `${key.replace(/[\\%_]/g, "\\$&")}@%`)));
}
