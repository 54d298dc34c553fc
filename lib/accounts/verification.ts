import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit";
import { consumeToken, type TokenFailure } from "../auth/tokens";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import type { SessionUser } from "../auth/login";

/** Uses a verification link once: the address is confirmed and a first session opens. */
export async function verifyEmailAndOpenSession(
  db: Database,
  token: string,
): Promise<{ ok: true; user: SessionUser } | { ok: false; reason: TokenFailure }> {
  return db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, token, "email_verification");
    if (!consumed.ok) return consumed;
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, lastLoginAt: sql`now()` })
      .where(eq(users.id, consumed.token.userId))
      .returning({ id: users.id, role: users.role, sessionVersion: users.sessionVersion, email: users.email });
    if (!user) return { ok: false, reason: "unknown" };
    await recordAudit(tx, { actor: { id: user.id, label: user.email ?? user.id }, action: "account.email_verified", entityType: "user", entityId: user.id });
    return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
  });
}
