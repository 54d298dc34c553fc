import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import { displayName } from "./personal-details";

export type CurrentUser = {
  id: string;
  role: "candidate" | "gestionnaire" | "admin";
  identifier: string;
  email: string | null;
  displayName: string;
  /** A temporary password given by staff: it must be replaced before anything else. */
  mustChangePassword: boolean;
};

/** The columns of `users` that make a CurrentUser. */
export const currentUserColumns = {
  id: users.id,
  role: users.role,
  identifier: users.identifier,
  email: users.email,
  firstName: users.firstName,
  usageName: users.usageName,
  birthName: users.birthName,
  mustChangePassword: users.mustChangePassword,
};

type CurrentUserRow = Omit<CurrentUser, "displayName"> & { firstName: string | null; usageName: string | null; birthName: string | null };

function toCurrentUser(user: CurrentUserRow): CurrentUser {
  return {
    id: user.id,
    role: user.role,
    identifier: user.identifier,
    email: user.email,
    displayName: displayName(user) || user.identifier,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * The person the session check of this request has just read (lib/auth), so that a page reads
 * the user once. Scoped to one server render by React's `cache`; elsewhere (route handlers,
 * actions) nothing is kept and `findCurrentUser` reads the row.
 */
const readThisRequest = cache(() => new Map<string, CurrentUser>());

export function rememberCurrentUser(user: CurrentUserRow): void {
  readThisRequest().set(user.id, toCurrentUser(user));
}

export function currentUserReadThisRequest(userId: string): CurrentUser | undefined {
  return readThisRequest().get(userId);
}

/** What pages need to know of the signed-in person (never the password hash). */
export async function findCurrentUser(db: Database, userId: string): Promise<CurrentUser | null> {
  const [user] = await db.select(currentUserColumns).from(users).where(eq(users.id, userId));
  return user ? toCurrentUser(user) : null;
}
