import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { staffDepartements } from "../db/schema";
import type { StaffMember, StaffRole } from "./access";

/** The signed-in staff member with their perimeter, for every staff page, action and route. */
export async function loadStaffMember(db: Queryable, user: { id: string; role: StaffRole; identifier: string }, address: string | null): Promise<StaffMember> {
  const rows = user.role === "admin" ? [] : await db.select({ code: staffDepartements.departement }).from(staffDepartements).where(eq(staffDepartements.userId, user.id));
  return { id: user.id, role: user.role, label: user.identifier, address, departements: rows.map((row) => row.code).sort() };
}
