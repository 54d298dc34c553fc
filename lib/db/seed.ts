import "server-only";
import { eq } from "drizzle-orm";
import { defaultSettings, settingKeys } from "../settings/definitions";
import type { Database } from "./client";
import {
  seedDiplomaTypes,
  seedPostTypes,
  seedTeachingTypes,
  seedWorkingTimes,
  seedZones,
} from "./reference-data";
import { attachmentTypes, diplomaTypes, postTypes, settings, teachingTypes, workingTimes, zones } from "./schema";

/**
 * Idempotent: inserts what is missing by natural key and never updates existing rows, so an
 * admin's edits (labels, ranks, settings) survive a second run.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { attachmentTypes: attachments, ...postType } of seedPostTypes) {
      await tx.insert(postTypes).values(postType).onConflictDoNothing({ target: postTypes.label });
      const [row] = await tx.select({ id: postTypes.id }).from(postTypes).where(eq(postTypes.label, postType.label));
      if (!row) throw new Error(`post type ${postType.label} missing after insert`);
      await tx
        .insert(attachmentTypes)
        .values(attachments.map((attachment) => ({ ...attachment, postTypeId: row.id })))
        .onConflictDoNothing({ target: [attachmentTypes.postTypeId, attachmentTypes.label] });
    }
    await tx.insert(zones).values(seedZones).onConflictDoNothing();
    await tx.insert(workingTimes).values(seedWorkingTimes).onConflictDoNothing({ target: workingTimes.label });
    await tx.insert(teachingTypes).values(seedTeachingTypes).onConflictDoNothing({ target: teachingTypes.label });
    await tx.insert(diplomaTypes).values(seedDiplomaTypes).onConflictDoNothing({ target: diplomaTypes.label });
    const defaults = defaultSettings();
    await tx
      .insert(settings)
      .values(settingKeys.map((key) => ({ key, value: defaults[key] })))
      .onConflictDoNothing({ target: settings.key });
  });
}
