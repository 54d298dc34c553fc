import "server-only";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit";
import { getDb } from "../db/client";
import { settings as settingsTable } from "../db/schema";
import { assertAdmin, staffActor, type StaffMember } from "../staff/access";
import { fieldErrors } from "../validation";
import { editableSettings, settingsFormSchema } from "./definitions";
import { loadSettings } from "./settings";

export type SettingsUpdate = { ok: true; changed: string[] } | { ok: false; errors: Partial<Record<string, string>> };

/**
 * Saves what an admin changed on /admin/parametres: validated together, written in one
 * transaction, each change journaled with its old and new value. Read on the next request:
 * no restart.
 */
export async function updateSettings(staff: StaffMember, raw: Record<string, unknown>): Promise<SettingsUpdate> {
  assertAdmin(staff);
  const parsed = settingsFormSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const changed = await getDb().transaction(async (tx) => {
    const current = await loadSettings(tx);
    const keys = editableSettings.filter((key) => parsed.data[key] !== current[key]);
    for (const key of keys) {
      const value = parsed.data[key];
      await tx
        .insert(settingsTable)
        .values({ key, value, updatedBy: staff.id })
        .onConflictDoUpdate({ target: settingsTable.key, set: { value, updatedBy: staff.id, updatedAt: sql`now()` } });
      await recordAudit(tx, { actor: staffActor(staff), action: "settings.changed", entityType: "setting", entityId: key, details: { from: current[key], to: value } });
    }
    return keys;
  });
  return { ok: true, changed };
}
