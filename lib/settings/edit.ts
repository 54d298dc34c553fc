import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/audit";
import { getDb } from "../db/client";
import { settings as settingsTable } from "../db/schema";
import { assertAdmin, staffActor, type StaffMember } from "../staff/access";
import { fieldErrors } from "../validation";
import { editableSettings, settingsFormSchema, type SettingKey, type Settings } from "./definitions";
import { forgetCachedSettings, loadSettings } from "./settings";

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
  return { ok: true, changed: await writeSettings(staff, editableSettings, parsed.data) };
}

/** Writes the values that differ from the stored ones, in one transaction, each journaled with its old and new value. */
async function writeSettings<K extends SettingKey>(staff: StaffMember, keys: readonly K[], values: Pick<Settings, K>): Promise<K[]> {
  const written = await getDb().transaction(async (tx) => {
    const current = await loadSettings(tx);
    const changed = keys.filter((key) => values[key] !== current[key]);
    for (const key of changed) {
      const value = values[key];
      await tx
        .insert(settingsTable)
        .values({ key, value, updatedBy: staff.id })
        .onConflictDoUpdate({ target: settingsTable.key, set: { value, updatedBy: staff.id, updatedAt: sql`now()` } });
      await recordAudit(tx, { actor: staffActor(staff), action: "settings.changed", entityType: "setting", entityId: key, details: { from: current[key], to: value } });
    }
    return changed;
  });
  forgetCachedSettings();
  return written;
}

const secondFactorForm = z.object({ secondFactorForAdmins: z.boolean(), secondFactorForGestionnaires: z.boolean() });

/**
 * Whether a second factor is mandatory, per role. Effective at each staff request: someone
 * without a factor is sent to enrol one. Journaled like the other settings.
 */
export async function updateSecondFactorSettings(staff: StaffMember, raw: unknown): Promise<SettingsUpdate> {
  assertAdmin(staff);
  const parsed = secondFactorForm.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: { secondFactorForAdmins: "Cochez ou décochez chaque case." } };
  return { ok: true, changed: await writeSettings(staff, ["secondFactorForAdmins", "secondFactorForGestionnaires"] as const, parsed.data) };
}
