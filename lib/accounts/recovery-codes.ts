import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/audit";
import { confirmCurrentPassword } from "../auth/login";
import { hashPassword, recoveryCodeCost, verifyPassword } from "../auth/password-hash";
import { consumeToken } from "../auth/tokens";
import { getDb, type Queryable } from "../db/client";
import { candidateRecoveryCodes, tokens, users } from "../db/schema";
import { generateRecoveryCodes, normalizeRecoveryCode } from "./identifier";

/**
 * Recovery codes of candidates without email: eight one-time codes such as "K7M3Q-9XPAD",
 * kept as salted scrypt hashes (16 MiB, ~40 ms each, as for staff codes): ~46 random bits
 * each, too few for a plain hash, plenty behind a slow salted one and the sign-in limits.
 */
export type PreparedRecoveryCodes = { plain: string[]; hashes: string[] };

/** Hashing eight codes takes ~0.3 s: done before any transaction opens. */
export async function prepareRecoveryCodes(): Promise<PreparedRecoveryCodes> {
  const plain = generateRecoveryCodes();
  const hashes = await Promise.all(plain.map((code) => hashPassword(normalizeRecoveryCode(code), recoveryCodeCost)));
  return { plain, hashes };
}

/** Replaces every code of the account (those of before migration 0013 included). */
export async function storeRecoveryCodes(tx: Queryable, userId: string, prepared: PreparedRecoveryCodes): Promise<void> {
  await tx.delete(candidateRecoveryCodes).where(eq(candidateRecoveryCodes.userId, userId));
  await tx.delete(tokens).where(and(eq(tokens.userId, userId), eq(tokens.purpose, "recovery_code")));
  await tx.insert(candidateRecoveryCodes).values(prepared.hashes.map((codeHash) => ({ userId, codeHash })));
}

const dummyHashes = (async () => hashPassword("CODE-FACTICE", recoveryCodeCost))();

/**
 * The unused code of `userId` that `typed` matches, or null. Always runs eight scrypt checks,
 * whoever asks, so the time does not tell whether the identifier exists or how many codes
 * it has left.
 */
export async function findRecoveryCode(db: Queryable, userId: string | null, typed: string): Promise<string | null> {
  const rows = userId
    ? await db
        .select({ id: candidateRecoveryCodes.id, hash: candidateRecoveryCodes.codeHash })
        .from(candidateRecoveryCodes)
        .where(and(eq(candidateRecoveryCodes.userId, userId), isNull(candidateRecoveryCodes.usedAt)))
    : [];
  const code = normalizeRecoveryCode(typed);
  let match: string | null = null;
  const dummy = await dummyHashes;
  for (let index = 0; index < Math.max(8, rows.length); index += 1) {
    const row = rows[index];
    const matches = await verifyPassword(code, row?.hash ?? dummy);
    if (row && matches && !match) match = row.id;
  }
  return match;
}

/** Spends the code found by findRecoveryCode (or an older SHA-256 one), inside the password change's transaction. */
export async function spendRecoveryCode(tx: Queryable, userId: string, codeId: string | null, typed: string): Promise<boolean> {
  if (codeId) {
    const spent = await tx
      .update(candidateRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(candidateRecoveryCodes.id, codeId), eq(candidateRecoveryCodes.userId, userId), isNull(candidateRecoveryCodes.usedAt)))
      .returning({ id: candidateRecoveryCodes.id });
    return spent.length === 1;
  }
  // Codes issued before the move to salted hashes.
  return (await consumeToken(tx, normalizeRecoveryCode(typed), "recovery_code", userId)).ok;
}

/** What "Mon compte" shows: codes left, and whether they predate the salted hashes. */
export async function recoveryCodeStatus(db: Queryable, userId: string): Promise<{ left: number; legacy: boolean }> {
  const [[fresh], [legacy]] = await Promise.all([
    db.select({ n: count() }).from(candidateRecoveryCodes).where(and(eq(candidateRecoveryCodes.userId, userId), isNull(candidateRecoveryCodes.usedAt))),
    db.select({ n: count() }).from(tokens).where(and(eq(tokens.userId, userId), eq(tokens.purpose, "recovery_code"), isNull(tokens.usedAt))),
  ]);
  return { left: (fresh?.n ?? 0) + (legacy?.n ?? 0), legacy: (legacy?.n ?? 0) > 0 };
}

export type RegenerationResult = { ok: true; codes: string[] } | { ok: false; errors: Partial<Record<"regeneratePassword", string>> };

/** "Générer de nouveaux codes" on "Mon compte", confirmed by the password: the old codes stop working. */
export async function regenerateRecoveryCodes(userId: string, password: string): Promise<RegenerationResult> {
  const db = getDb();
  const problem = await confirmCurrentPassword(db, userId, password);
  if (problem) return { ok: false, errors: { regeneratePassword: problem } };
  const prepared = await prepareRecoveryCodes();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ identifier: users.identifier }).from(users).where(eq(users.id, userId));
    await storeRecoveryCodes(tx, userId, prepared);
    await recordAudit(tx, { actor: { id: userId, label: user?.identifier ?? "candidat" }, action: "account.recovery_codes_regenerated", entityType: "user", entityId: userId });
  });
  return { ok: true, codes: prepared.plain };
}
