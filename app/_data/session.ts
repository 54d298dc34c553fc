import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentUserReadThisRequest, findCurrentUser, type CurrentUser } from "@/lib/accounts/current-user";
import { auth, clientAddress } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { rateLimitSubject } from "@/lib/security/client-address";
import { isStaffRole, type StaffMember } from "@/lib/staff/access";
import { staffGate, type StaffGate } from "@/lib/staff/factors";
import { loadStaffMember } from "@/lib/staff/member";

/** The Auth.js session of this request, read once. */
const getSession = cache(() => auth());

/** The signed-in person for this request, or null (session checked against the database). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getSession();
  if (!session?.user?.id) return null;
  return currentUserReadThisRequest(session.user.id) ?? findCurrentUser(getDb(), session.user.id);
});

/**
 * For candidate pages and actions: the candidate, or a redirect to the login that comes back
 * here. A candidate holding a temporary password is sent to replace it first.
 */
export async function requireCandidate(options: { provisionalPassword?: "allowed" } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user?.role === "candidate") {
    if (user.mustChangePassword && options.provisionalPassword !== "allowed") redirect("/mot-de-passe-provisoire");
    return user;
  }
  if (user) redirect(staffHome);
  const requested = (await headers()).get("x-aesh-path");
  redirect(`/?suivant=${encodeURIComponent(safeNextPath(requested))}`);
}

/** What per-address allowances count this request as (an IPv4 address, an IPv6 /64). */
export async function requestAddressSubject(): Promise<string> {
  return rateLimitSubject(clientAddress(await headers()));
}

/** Only same-site paths are followed after login. */
export function safeNextPath(value: unknown, fallback = "/tableau-de-bord"): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(value) ? value : fallback;
}

/** Where staff land after signing in. */
export const staffHome = "/admin";

/**
 * For staff pages and actions: a gestionnaire or an admin, with the address the request came
 * from (for the audit log). Candidates get a 404 (the staff space does not exist for them);
 * anonymous visitors the staff sign-in page, which brings them back here.
 */
export async function requireStaff(): Promise<StaffMember> {
  const { staff, gate, requested } = await requireStaffSession();
  if (gate !== "ok") redirect(gatePath(gate, requested));
  return staff;
}

/** Where a session short of its second factor goes first, coming back to `requested` after. */
function gatePath(gate: Exclude<StaffGate, "ok">, requested: string): string {
  const next = requested.startsWith("/admin/verification") || requested.startsWith("/admin/securite") ? "" : `?suivant=${encodeURIComponent(requested)}`;
  return `${gate === "verify" ? "/admin/verification" : "/admin/securite"}${next}`;
}

/**
 * `recentFactor`: the second factor was given less than 15 minutes ago, as adding or removing a
 * factor requires (a session left open on a desk must not let someone add their own passkey).
 */
export type StaffSession = { staff: StaffMember; sessionId: string; gate: StaffGate; requested: string; recentFactor: boolean };

const recentFactorSeconds = 15 * 60;

/**
 * A signed-in staff member and where their session stands (second factor given, to give, or
 * to enrol), for the pages that lead there; every other page and action uses requireStaff.
 */
export const requireStaffSession = cache(async (): Promise<StaffSession> => {
  const [user, session, requestHeaders] = await Promise.all([getCurrentUser(), getSession(), headers()]);
  const requested = safeNextPath(requestHeaders.get("x-aesh-path"), staffHome);
  if (user && isStaffRole(user.role) && session?.user.staffSessionId) {
    const db = getDb();
    const [staff, gate] = await Promise.all([
      loadStaffMember(db, { id: user.id, role: user.role, identifier: user.identifier }, clientAddress(requestHeaders)),
      staffGate(db, { id: user.id, role: user.role }, session.user.secondFactor === true),
    ]);
    const factorAt = session.user.secondFactorAt;
    const recentFactor = factorAt !== undefined && Date.now() / 1000 - factorAt < recentFactorSeconds;
    return { staff, sessionId: session.user.staffSessionId, gate, requested, recentFactor };
  }
  if (user) notFound();
  redirect(`/admin/connexion?suivant=${encodeURIComponent(requested)}`);
});

/**
 * For staff route handlers (files, exports): the staff member, or the response to send
 * instead — the sign-in page for an anonymous visitor, a 404 for anyone else.
 */
export async function staffForRoute(path: string): Promise<StaffMember | Response> {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: `/admin/connexion?suivant=${encodeURIComponent(safeNextPath(path, staffHome))}` } });
  if (!isStaffRole(user.role)) return notFoundResponse();
  const session = await getSession();
  const gate = await staffGate(getDb(), { id: user.id, role: user.role }, session?.user.secondFactor === true);
  if (gate !== "ok") return new Response(null, { status: 303, headers: { Location: gatePath(gate, safeNextPath(path, staffHome)) } });
  return loadStaffMember(getDb(), { id: user.id, role: user.role, identifier: user.identifier }, clientAddress(await headers()));
}

export function notFoundResponse(message = "Introuvable."): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** For admin pages and actions (reference data, team, settings, journal): gestionnaires get a 404. */
export async function requireAdmin(): Promise<StaffMember> {
  const staff = await requireStaff();
  if (staff.role !== "admin") notFound();
  return staff;
}
