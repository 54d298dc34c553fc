import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { tokens } from "../db/schema";

export type TokenPurpose = (typeof tokens.$inferInsert)["purpose"];

/** What a token in a URL or form looks like (base64url, or a normalised recovery code). */
export const tokenShape = /^[\w-]{10,200}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type TokenRequest = { userId: string; purpose: TokenPurpose; validMinutes: number | null; subject?: string; token?: string };

/** A fresh random token; only its hash is stored. The caller mails or shows the token itself. */
export async function issueToken(tx: Queryable, options: TokenRequest): Promise<string> {
  const [token] = await issueTokens(tx, [options]);
  return token!;
}

/** The same for many in one statement (the daily job's notices); tokens in the requests' order. */
export async function issueTokens(tx: Queryable, requests: TokenRequest[]): Promise<string[]> {
  if (requests.length === 0) return [];
  const issued = requests.map((options) => options.token ?? randomBytes(32).toString("base64url"));
  await tx.insert(tokens).values(
    requests.map((options, index) => ({
      userId: options.userId,
      purpose: options.purpose,
      tokenHash: hashToken(issued[index]!),
      subject: options.subject,
      expiresAt: options.validMinutes === null ? null : new Date(Date.now() + options.validMinutes * 60_000),
    })),
  );
  return issued;
}

/** Marks every unused token of `purpose` for the user as used (what they were for is done). */
export async function revokeTokens(tx: Queryable, userId: string, purpose: TokenPurpose): Promise<void> {
  await tx
    .update(tokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose), isNull(tokens.usedAt)));
}

/**
 * Retires the unused tokens of `purpose` because a new one is about to be mailed: they stop
 * working, and their page says a newer link was sent (not "already used").
 */
export async function supersedeTokens(tx: Queryable, userId: string, purpose: TokenPurpose): Promise<void> {
  await tx
    .update(tokens)
    .set({ usedAt: sql`now()`, supersededAt: sql`now()` })
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose), isNull(tokens.usedAt)));
}

export type ConsumedToken = { userId: string; subject: string | null };
export type TokenFailure = "unknown" | "used" | "superseded" | "expired";

/**
 * Uses a token once: the conditional UPDATE lets exactly one of two concurrent requests
 * through. On failure, says why, so the page can explain it.
 */
export async function consumeToken(
  tx: Queryable,
  token: string,
  purpose: TokenPurpose,
  userId?: string,
): Promise<{ ok: true; token: ConsumedToken } | { ok: false; reason: TokenFailure }> {
  const [used] = await tx
    .update(tokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(tokens.tokenHash, hashToken(token)),
        eq(tokens.purpose, purpose),
        userId ? eq(tokens.userId, userId) : undefined,
        isNull(tokens.usedAt),
        sql`(${tokens.expiresAt} is null or ${tokens.expiresAt} > now())`,
      ),
    )
    .returning({ userId: tokens.userId, subject: tokens.subject });
  if (used) return { ok: true, token: used };
  const found = await peekToken(tx, token, purpose, userId);
  // Valid a moment ago but not updated: another request used it in between.
  return found.ok ? { ok: false, reason: "used" } : found;
}

/** Looks a token up without using it (to show a page before the POST that acts). */
export async function peekToken(
  tx: Queryable,
  token: string,
  purpose: TokenPurpose,
  userId?: string,
): Promise<{ ok: true; token: ConsumedToken } | { ok: false; reason: TokenFailure }> {
  if (!tokenShape.test(token)) return { ok: false, reason: "unknown" };
  const [row] = await tx
    .select({ userId: tokens.userId, subject: tokens.subject, usedAt: tokens.usedAt, supersededAt: tokens.supersededAt, expiresAt: tokens.expiresAt })
    .from(tokens)
    .where(and(eq(tokens.tokenHash, hashToken(token)), eq(tokens.purpose, purpose), userId ? eq(tokens.userId, userId) : undefined));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.supersededAt) return { ok: false, reason: "superseded" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  return { ok: true, token: { userId: row.userId, subject: row.subject } };
}
