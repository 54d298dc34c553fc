import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findCurrentUser, type CurrentUser } from "@/lib/accounts/current-user";
import { auth, clientAddress } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { isStaffRole, type StaffMember } from "@/lib/staff/access";
import { loadStaffMember } from "@/lib/staff/member";

/** The signed-in person for this request, or null (session checked against the database). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return findCurrentUser(getDb(), session.user.id);
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
  const user = await getCurrentUser();
  const requestHeaders = await headers();
  if (user && isStaffRole(user.role)) {
    return loadStaffMember(getDb(), { id: user.id, role: user.role, identifier: user.identifier }, clientAddress(requestHeaders));
  }
  if (user) notFound();
  redirect(`/admin/connexion?suivant=${encodeURIComponent(safeNextPath(requestHeaders.get("x-aesh-path"), staffHome))}`);
}

/**
 * For staff route handlers (files, exports): the staff member, or the response to send
 * instead — the sign-in page for an anonymous visitor, a 404 for anyone else.
 */
export async function staffForRoute(path: string): Promise<StaffMember | Response> {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: `/admin/connexion?suivant=${encodeURIComponent(safeNextPath(path, staffHome))}` } });
  if (!isStaffRole(user.role)) return notFoundResponse();
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
