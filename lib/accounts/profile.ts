import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { users } from "../db/schema";

export type Profile = {
  identifier: string;
  email: string | null;
  emailVerifiedAt: Date | null;
  civility: "madame" | "monsieur" | null;
  usageName: string | null;
  birthName: string | null;
  firstName: string | null;
  birthDate: string | null;
  birthPlace: string | null;
  nationality: string | null;
  phone: string | null;
  misc: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
};

/** The candidate's own details, as the account page shows them and the data export gives them. */
export async function findProfile(db: Queryable, userId: string): Promise<Profile | null> {
  const [profile] = await db
    .select({
      identifier: users.identifier,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      civility: users.civility,
      usageName: users.usageName,
      birthName: users.birthName,
      firstName: users.firstName,
      birthDate: users.birthDate,
      birthPlace: users.birthPlace,
      nationality: users.nationality,
      phone: users.phone,
      misc: users.misc,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return profile ?? null;
}
