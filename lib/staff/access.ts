import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AuditActor } from "../audit/audit";
import { applications, applicationZones, zones } from "../db/schema";
import { departementCode } from "./departements";

/**
 * Who acts in the staff space. Every lib/staff function takes one and checks what it needs
 * itself (role, the record's perimeter), whatever the page or action that called it checked.
 */
export type StaffRole = "gestionnaire" | "admin";
/** `departements`: a gestionnaire's perimeter (empty: the whole académie). */
export type StaffMember = { id: string; role: StaffRole; label: string; address: string | null; departements: string[] };

export { departementCode } from "./departements";

export const isStaffRole = (role: string): role is StaffRole => role === "gestionnaire" || role === "admin";

/** Refused by lib/staff when the caller is not staff (or not an admin where that is needed). */
export class StaffForbidden extends Error {
  constructor() {
    super("staff role required");
  }
}

export function assertStaff(staff: StaffMember | null | undefined): asserts staff is StaffMember {
  if (!staff || !isStaffRole(staff.role)) throw new StaffForbidden();
}

/** Reference data, team, settings and the journal are an admin's. */
export function assertAdmin(staff: StaffMember | null | undefined): asserts staff is StaffMember {
  assertStaff(staff);
  if (staff.role !== "admin") throw new StaffForbidden();
}

/** The audit log's actor for a staff action, with the address it came from. */
export function staffActor(staff: StaffMember): AuditActor & { address: string | null } {
  return { id: staff.id, label: staff.label, address: staff.address };
}

/**
 * The applications a staff member may read, as a condition on `applications` for every staff
 * query: everything for an admin or an unrestricted gestionnaire; otherwise the applications
 * with a zone wish in one of their départements. Anything else is "not found" to them.
 */
export function applicationPerimeter(staff: StaffMember): SQL | undefined {
  assertStaff(staff);
  if (staff.role === "admin" || staff.departements.length === 0) return undefined;
  // Codes are checked, so the array literal cannot be bent; one parameter whatever the count.
  const list = `{${staff.departements.filter((code) => departementCode.test(code)).join(",")}}`;
  return sql`exists (select 1 from ${applicationZones} join ${zones} on ${zones.id} = ${applicationZones.zoneId} where ${applicationZones.applicationId} = ${applications.id} and ${zones.department} = any(${list}::text[]))`;
}
