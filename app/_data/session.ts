import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findCurrentUser, type CurrentUser } from "@/lib/accounts/current-user";
import { auth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";

/** The signed-in person for this request, or null (session checked against the database). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return findCurrentUser(getDb(), session.user.id);
});

/** For candidate pages and actions: the candidate, or a redirect to the login that comes back here. */
export async function requireCandidate(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user?.role === "candidate") return user;
  if (user) redirect(staffHome);
  const requested = (await headers()).get("x-aesh-path");
  redirect(`/?suivant=${encodeURIComponent(safeNextPath(requested))}`);
}

/** Only same-site paths are followed after login. */
export function safeNextPath(value: unknown, fallback = "/tableau-de-bord"): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(value) ? value : fallback;
}

/** Where staff land: their space has only the renewal follow-up for now. */
export const staffHome = "/admin/renouvellements";

/** For staff pages and actions: a gestionnaire or an admin; candidates get a 404, others the login. */
export async function requireStaff(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user?.role === "gestionnaire" || user?.role === "admin") return user;
  if (user) notFound();
  const requested = (await headers()).get("x-aesh-path");
  redirect(`/?suivant=${encodeURIComponent(safeNextPath(requested, staffHome))}`);
}
