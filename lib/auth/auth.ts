import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { and, eq, sql } from "drizzle-orm";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate, type SessionUser } from "./login";
import { candidateSessionOver } from "./session-rules";
import { currentUserColumns, rememberCurrentUser } from "../accounts/current-user";
import { verifyEmailAndOpenSession } from "../accounts/verification";
import { personActor, recordAudit } from "../audit/audit";
import { getDb } from "../db/client";
import { staffSessions, users } from "../db/schema";
import { env } from "../env";
import { clientAddressFrom } from "../security/client-address";
import { readPasskeyAnswer, verifyPasskey } from "../staff/factors";
import { endStaffSessionsOf, openStaffSession, staffAbsoluteHours, staffSessionAlive, touchStaffSession } from "../staff/sessions";

/* eslint-disable @typescript-eslint/consistent-type-definitions -- Auth.js types are extended by interface merging. */
declare module "next-auth" {
  interface User {
    role?: SessionUser["role"];
    sessionVersion?: number;
    staffSessionId?: string;
    /** Staff signed in with a passkey: both factors at once. */
    secondFactor?: "passkey";
  }
  interface Session {
    /** Staff only: their staff_sessions row, and whether it gave a second factor. */
    user: { id: string; role: SessionUser["role"]; staffSessionId?: string; secondFactor?: boolean; secondFactorAt?: number };
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    role?: SessionUser["role"];
    sv?: number;
    /** Staff only: the row of `staff_sessions` this cookie stands for. */
    ssid?: string;
    /** Candidates: when the token was last written (login or form submission), in seconds. */
    seen?: number;
    /** When this session was opened, in seconds (its absolute lifetime counts from there). */
    since?: number;
    /** Staff: when the session last gave its second factor, in seconds (read from staff_sessions at each request). */
    mfaAt?: number;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** Why a sign-in was refused; `code` reaches the login action, never the URL of a page. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/*
 * A candidate's session ends an hour after the last login or form submission, and 12 hours
 * after the login whatever happens (session-rules.ts): the token carries `seen`, rewritten
 * wherever Auth.js may set cookies (server actions, route handlers), not on page views, and
 * `since`. A background renewal was tried and removed: a renewal in flight could land after
 * "Déconnecter" and bring the session back.
 */

/**
 * The cookie itself lives as long as the longest session, a staff member's working day; each
 * kind of session is cut shorter by its own rule (candidates: `seen` above; staff: their
 * staff_sessions row, where page views count).
 */
const cookieMaxAgeSeconds = staffAbsoluteHours * 3600;

/** The client address for throttling: the first X-Forwarded-For hop, set by the platform's proxy. */
/** Where the request came from, as the trusted proxies saw it (lib/security/client-address). */
export function clientAddress(headers: Headers): string {
  return clientAddressFrom(headers, env().TRUSTED_PROXY_HOPS) ?? "inconnue";
}

const passwordCredentials = z.object({ identifier: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const tokenCredentials = z.object({ token: z.string().min(10).max(200) });
const passkeyCredentials = z.object({ challengeId: z.uuid(), response: z.string().min(2).max(20_000) });

const isStaff = (role: SessionUser["role"] | undefined) => role === "gestionnaire" || role === "admin";

/** Staff get a server-side session row (shorter limits, ended at once on logout), and the sign-in is journaled. */
async function toAuthUser(user: SessionUser, address: string | null, secondFactor?: "passkey") {
  const staffSessionId = isStaff(user.role) ? await openStaffSession(getDb(), user.id, address, secondFactor) : undefined;
  if (staffSessionId) {
    await recordAudit(getDb(), {
      actor: { ...(await personActor(getDb(), user.id)), address },
      action: "staff.signed_in",
      entityType: "user",
      entityId: user.id,
      details: { method: secondFactor ?? "password" },
    });
  }
  return { id: user.id, role: user.role, sessionVersion: user.sessionVersion, staffSessionId };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: cookieMaxAgeSeconds },
  pages: { signIn: "/", error: "/" },
  logger: { error: (error) => (error instanceof CredentialsSignin ? undefined : console.error(error)) },
  providers: [
    Credentials({
      id: "password",
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = passwordCredentials.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await authenticate(getDb(), { ...parsed.data, address: clientAddress(request.headers) });
        if (result.status === "ok") return toAuthUser(result.user, clientAddress(request.headers));
        throw new SignInRefused(result.status === "throttled" ? `throttled:${result.retryAt.toISOString()}` : result.status);
      },
    }),
    Credentials({
      // Staff: a passkey signs in alone (the authenticator checked the person: two factors).
      id: "passkey",
      credentials: { challengeId: {}, response: {} },
      async authorize(credentials, request) {
        const parsed = passkeyCredentials.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("passkey");
        const response = readPasskeyAnswer<AuthenticationResponseJSON>(parsed.data.response);
        const user = response ? await verifyPasskey(parsed.data.challengeId, response, null) : null;
        if (!user) throw new SignInRefused("passkey");
        await getDb().update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
        return toAuthUser(user, clientAddress(request.headers), "passkey");
      },
    }),
    Credentials({
      // The link of the verification mail opens the candidate space without a password, once.
      id: "email-verification",
      credentials: { token: {} },
      async authorize(credentials) {
        const parsed = tokenCredentials.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("unknown");
        const result = await verifyEmailAndOpenSession(getDb(), parsed.data.token);
        if (result.ok) return toAuthUser(result.user, null);
        throw new SignInRefused(result.reason);
      },
    }),
  ],
  events: {
    // "Déconnecter" ends every session of the account, on every device (a shared or lost one included).
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub) return;
      await getDb()
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, token.sub));
      if (token.ssid) await endStaffSessionsOf(getDb(), token.sub);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user?.id) return { ...token, sub: user.id, role: user.role, sv: user.sessionVersion, ssid: user.staffSessionId, seen: now, since: now };
      if (!token.sub) return null;
      if (!isStaff(token.role) && candidateSessionOver(token, now)) return null;
      // A password change, reset or account deletion bumps session_version: older sessions end here.
      const [current] = await getDb()
        .select({
          ...currentUserColumns,
          sessionVersion: users.sessionVersion,
          disabledAt: users.disabledAt,
          staffSession: { createdAt: staffSessions.createdAt, lastSeenAt: staffSessions.lastSeenAt, endedAt: staffSessions.endedAt, secondFactorAt: staffSessions.secondFactorAt },
        })
        .from(users)
        .leftJoin(staffSessions, and(eq(staffSessions.id, token.ssid ?? "00000000-0000-0000-0000-000000000000"), eq(staffSessions.userId, users.id)))
        .where(eq(users.id, token.sub));
      if (!current || current.disabledAt || current.sessionVersion !== token.sv) return null;
      // The page that asked for this session needs the same row: it is not read twice.
      rememberCurrentUser(current);
      if (isStaff(current.role)) {
        // A staff member's session lives in staff_sessions: idle and absolute limits, logout.
        const session = current.staffSession?.createdAt ? current.staffSession : null;
        if (!token.ssid || !staffSessionAlive(session)) return null;
        await touchStaffSession(getDb(), token.ssid, session!);
        const mfaAt = session!.secondFactorAt ? Math.floor(session!.secondFactorAt.getTime() / 1000) : undefined;
        return { ...token, role: current.role, seen: now, mfaAt };
      }
      // Only kept where the cookie is rewritten (actions, route handlers): page views do not extend it.
      return { ...token, role: current.role, seen: now };
    },
    session({ session, token }) {
      const staff = isStaff(token.role) ? { staffSessionId: token.ssid, secondFactor: token.mfaAt !== undefined, secondFactorAt: token.mfaAt } : {};
      return { ...session, user: { ...session.user, id: token.sub ?? "", role: token.role ?? "candidate", ...staff } };
    },
  },
}));
