import "server-only";
import { eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "./password-hash";
import { addressKey, clearFailures, confirmationKey, identifierFromKey, identifierKey, lockedUntil, recordFailure, throttlePolicy } from "./throttle";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import { normalizeIdentifier } from "../accounts/identifier";
import { rateLimitSubject } from "../security/client-address";

export type SessionUser = { id: string; role: "candidate" | "gestionnaire" | "admin"; sessionVersion: number };

export type LoginResult =
  | { status: "ok"; user: SessionUser }
  | { status: "invalid" }
  | { status: "throttled"; retryAt: Date }
  | { status: "unverified" };

let dummyHash: Promise<string> | undefined;

/** A password hash is read here and in password-hash.ts only: it never leaves lib/auth. */

/**
 * Checks an identifier and password. Unknown identifiers are checked against a dummy hash so
 * that the answer takes as long as for a real account; every failure feeds the throttle.
 */
export async function authenticate(
  db: Database,
  input: { identifier: string; password: string; address: string },
): Promise<LoginResult> {
  const identifier = normalizeIdentifier(input.identifier);
  const subject = rateLimitSubject(input.address);
  const keys = [identifierFromKey(identifier, subject), addressKey(subject), identifierKey(identifier)];
  const locked = await lockedUntil(db, keys);
  if (locked) return { status: "throttled", retryAt: locked };

  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      sessionVersion: users.sessionVersion,
      passwordHash: users.passwordHash,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      disabledAt: users.disabledAt,
      provisionalUntil: users.provisionalUntil,
    })
    .from(users)
    .where(eq(users.identifier, identifier))
    .limit(1);

  dummyHash ??= hashPassword("mot de passe factice pour un identifiant inconnu");
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  // A temporary password given by staff that was not replaced in time no longer opens anything.
  const expired = Boolean(user?.provisionalUntil && user.provisionalUntil.getTime() < Date.now());
  if (!user || !valid || user.disabledAt || expired) {
    await recordFailure(db, keys[0]!, throttlePolicy.identifier);
    await recordFailure(db, keys[1]!, throttlePolicy.address);
    await recordFailure(db, keys[2]!, throttlePolicy.identifierEverywhere);
    return { status: "invalid" };
  }
  await clearFailures(db, keys[0]!);
  if (user.email && !user.emailVerifiedAt) return { status: "unverified" };
  // Signing in keeps an unused account the retention rules announced the deletion of.
  await db.update(users).set({ lastLoginAt: sql`now()`, retentionNoticeSentAt: null }).where(eq(users.id, user.id));
  return { status: "ok", user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
}

/**
 * Checks the current password before a sensitive change (email, password, deletion); wrong
 * answers feed the login throttle, so a stolen session cannot guess it. Null when it matches,
 * else the French sentence to show.
 */
export async function confirmCurrentPassword(db: Database, userId: string, password: string): Promise<string | null> {
  const [user] = await db.select({ identifier: users.identifier, hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) return "Votre compte est introuvable.";
  const key = confirmationKey(userId);
  if (await lockedUntil(db, [key])) return "Trop de tentatives. Réessayez dans quelques minutes.";
  if (await verifyPassword(password, user.hash)) {
    await clearFailures(db, key);
    return null;
  }
  await recordFailure(db, key, throttlePolicy.confirmation);
  return "Le mot de passe actuel est incorrect.";
}
