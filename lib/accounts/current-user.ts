import "server-only";
import { eq } from "drizzle-orm";
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

/** What pages need to know of the signed-in person (never the password hash). */
export async function findCurrentUser(db: Database, userId: string): Promise<CurrentUser | null> {
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      identifier: users.identifier,
      email: users.email,
      firstName: users.firstName,
      usageName: users.usageName,
      birthName: users.birthName,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  return {
    id: user.id,
    role: user.role,
    identifier: user.identifier,
    email: user.email,
    displayName: displayName(user) || user.identifier,
    mustChangePassword: user.mustChangePassword,
  };
}
