import { randomUUID } from "node:crypto";

/** A unique address per call, so tests never see each other's rows or mail. */
export function uniqueEmail(prefix = "personne"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@exemple.fr`;
}

/** A password the policy accepts (long, mixed, not built from a dictionary word). */
export function strongPassword(): string {
  return `Tq7!${randomUUID().replace(/-/g, "").slice(0, 12)}#Zb`;
}

/**
 * A verified candidate written straight to the database, for tests about what candidates do
 * once signed in (registration itself is tested through its own code). Never signs in: the hash
 * is not a real one.
 */
export async function insertCandidate(prefix = "candidat"): Promise<{ id: string; email: string }> {
  const [{ getDb }, { users }] = await Promise.all([import("@/lib/db/client"), import("@/lib/db/schema")]);
  const email = uniqueEmail(prefix);
  const [row] = await getDb()
    .insert(users)
    .values({ identifier: email, email, emailVerifiedAt: new Date(), passwordHash: "test:not-a-hash", role: "candidate", firstName: "Camille", birthName: "Flandin", birthDate: "1990-07-14" })
    .returning({ id: users.id });
  return { id: row!.id, email };
}

/**
 * A staff member written straight to the database, as lib/staff functions receive one (never
 * signs in: the hash is not a real one). `role: "candidate"` forges what a bug might pass.
 */
export async function insertStaff(role: "gestionnaire" | "admin" | "candidate", address = "198.51.100.7") {
  const [{ getDb }, { users }] = await Promise.all([import("@/lib/db/client"), import("@/lib/db/schema")]);
  const email = uniqueEmail(role);
  const [row] = await getDb().insert(users).values({ identifier: email, email, emailVerifiedAt: new Date(), passwordHash: "test:not-a-hash", role }).returning({ id: users.id });
  return { id: row!.id, role: role as "gestionnaire" | "admin", label: email, address, departements: [] as string[] };
}
