import "server-only";
import type { SQL } from "drizzle-orm";
import type { AuditActor } from "../audit/audit";

/**
 * Who acts in the staff space. Every lib/staff function takes one and checks what it needs
 * itself (role, the record's perimeter), whatever the page or action that called it checked.
 */
export type StaffRole = "gestionnaire" | "admin";
export type StaffMember = { id: string; role: StaffRole; label: string; address: string | null };

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
 * query. Today every staff member sees the whole académie; limiting gestionnaires to their
 * départements (issue 12) plugs in here.
 */
export function applicationPerimeter(staff: StaffMember): SQL | undefined {
  assertStaff(staff);
  return undefined;
}
