import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { staffSessions } from "../db/schema";

/**
 * Staff sessions are kept server-side and are shorter than candidates': they read health data
 * (RQTH) and decide on people's applications. A page view counts as activity here (the row's
 * `last_seen_at`), unlike the candidates' cookie-only sessions.
 */
export const staffIdleMinutes = 30;
export const staffAbsoluteHours = 10;
/** `last_seen_at` is written at most this often, not at every request. */
const touchEverySeconds = 60;

/** A new session; one opened with a passkey has given its second factor already. */
export async function openStaffSession(db: Queryable, userId: string, address: string | null, secondFactor?: "passkey"): Promise<string> {
  const [row] = await db
    .insert(staffSessions)
    .values({ userId, address, ...(secondFactor ? { secondFactor, secondFactorAt: sql`now()` } : {}) })
    .returning({ id: staffSessions.id });
  return row!.id;
}

export type StaffSessionState = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

/** Whether a staff session may go on at `now`: not ended, not idle too long, not too old. */
export function staffSessionAlive(session: StaffSessionState | null, now = new Date()): boolean {
  if (!session || session.endedAt) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > staffIdleMinutes * 60_000) return false;
  return now.getTime() - session.createdAt.getTime() <= staffAbsoluteHours * 3_600_000;
}

/** Records activity on a live session (at most once a minute). */
export async function touchStaffSession(db: Queryable, sessionId: string, session: StaffSessionState, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < touchEverySeconds * 1000) return;
  await db.update(staffSessions).set({ lastSeenAt: sql`now()` }).where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt)));
}

/** Ends every session of a staff member ("Déconnecter", deactivation, password change). */
export async function endStaffSessionsOf(db: Queryable, userId: string): Promise<void> {
  await db.update(staffSessions).set({ endedAt: sql`now()` }).where(and(eq(staffSessions.userId, userId), isNull(staffSessions.endedAt)));
}
