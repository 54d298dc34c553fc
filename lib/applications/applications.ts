import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { personActor, recordAudit, type AuditActor } from "../audit/audit";
import { getDb, type Database, type Queryable, type Transaction } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import {
  applicationAttachments,
  applicationTeachingTypes,
  applications,
  applicationWorkingTimes,
  applicationZones,
  attachmentTypes,
  deletedApplications,
  files,
  postTypes,
  statusEvents,
  teachingTypes,
  workingTimes,
  zones,
} from "../db/schema";
import { addMonths, todayIso } from "../format/date";
import type { Settings } from "../settings/definitions";
import { loadSettings } from "../settings/settings";
import { cancelPendingMails } from "../mail/outbox";
import { renewalTemplates } from "../renewals/templates";
import { getStorage, type Storage } from "../storage/client";
import { runObjectDeletions, scheduleObjectDeletion } from "../storage/deletions";
import { missingItems, type MissingItem, type SectionRequirements } from "./completeness";
import { applicationFormSchema, type ApplicationForm, type RawApplicationForm } from "./form-schema";
import { fieldErrors, isUuid } from "../validation";
import { canEditForm, type ApplicationStatus } from "./status";

type Option = { id: string; label: string };

export type FormOptions = {
  teachingTypes: Option[];
  zones: Option[];
  workingTimes: Option[];
  maxZoneWishes: number;
  maxWorkingTimeWishes: number;
};

/** The lists the form offers: active reference rows, in the admins' order. */
export async function loadFormOptions(db: Queryable): Promise<FormOptions> {
  const [settings, teaching, zoneRows, times] = await Promise.all([
    loadSettings(db),
    db.select({ id: teachingTypes.id, label: teachingTypes.label }).from(teachingTypes).where(eq(teachingTypes.active, true)).orderBy(asc(teachingTypes.rank), asc(teachingTypes.label)),
    db.select({ id: zones.id, label: zones.label }).from(zones).where(eq(zones.active, true)).orderBy(asc(zones.rank), asc(zones.label)),
    db.select({ id: workingTimes.id, label: workingTimes.label }).from(workingTimes).where(eq(workingTimes.active, true)).orderBy(asc(workingTimes.rank), asc(workingTimes.label)),
  ]);
  return {
    teachingTypes: teaching,
    zones: zoneRows,
    workingTimes: times,
    maxZoneWishes: settings.maxZoneWishes,
    maxWorkingTimeWishes: settings.maxWorkingTimeWishes,
  };
}

/** Post types the candidate can still apply for: active, campaign open, not applied for yet. */
export async function openPostTypesFor(
  db: Queryable,
  userId: string,
  settings?: Settings,
): Promise<(Option & { requirements: SectionRequirements })[]> {
  settings ??= await loadSettings(db);
  if (!settings.campaignOpen) return [];
  const [open, taken] = await Promise.all([
    db
      .select({
        id: postTypes.id,
        label: postTypes.label,
        teachingType: postTypes.requiresTeachingType,
        zone: postTypes.requiresZone,
        workingTime: postTypes.requiresWorkingTime,
        university: postTypes.requiresUniversity,
      })
      .from(postTypes)
      .where(eq(postTypes.active, true))
      .orderBy(asc(postTypes.rank), asc(postTypes.label)),
    db.select({ postTypeId: applications.postTypeId }).from(applications).where(eq(applications.userId, userId)),
  ]);
  const takenIds = new Set(taken.map((row) => row.postTypeId));
  return open
    .filter((postType) => !takenIds.has(postType.id))
    .map(({ id, label, ...requirements }) => ({ id, label, requirements }));
}

export type AttachmentSlot = {
  attachmentTypeId: string;
  label: string;
  required: boolean;
  file: { id: string; name: string; size: number; uploadedAt: Date } | null;
};

export type ApplicationDetail = {
  id: string;
  postType: Option;
  status: ApplicationStatus;
  rqth: "yes" | "no" | "pending" | "undisclosed" | null;
  university: string | null;
  component: string | null;
  program: string | null;
  curriculum: string | null;
  level: string | null;
  ine: string | null;
  submittedAt: Date;
  validUntil: string;
  renewalNoticeSentAt: Date | null;
  teachingTypes: (Option & { rank: number })[];
  zones: (Option & { rank: number })[];
  workingTimes: (Option & { rank: number })[];
  attachments: AttachmentSlot[];
  missing: MissingItem[];
};

/** The candidate's applications with everything the pages show, completeness included. */
export async function loadApplications(db: Queryable, userId: string, onlyId?: string): Promise<ApplicationDetail[]> {
  const base = await db
    .select({
      application: applications,
      postTypeLabel: postTypes.label,
      requiresTeachingType: postTypes.requiresTeachingType,
      requiresZone: postTypes.requiresZone,
      requiresWorkingTime: postTypes.requiresWorkingTime,
      requiresUniversity: postTypes.requiresUniversity,
    })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(and(eq(applications.userId, userId), onlyId ? eq(applications.id, onlyId) : undefined))
    .orderBy(asc(applications.submittedAt));
  if (base.length === 0) return [];
  const ids = base.map((row) => row.application.id);
  const postTypeIds = [...new Set(base.map((row) => row.application.postTypeId))];
  const [teachingRows, zoneRows, timeRows, typeRows, attachedRows] = await Promise.all([
    db
      .select({ applicationId: applicationTeachingTypes.applicationId, rank: applicationTeachingTypes.rank, id: teachingTypes.id, label: teachingTypes.label })
      .from(applicationTeachingTypes)
      .innerJoin(teachingTypes, eq(teachingTypes.id, applicationTeachingTypes.teachingTypeId))
      .where(inArray(applicationTeachingTypes.applicationId, ids))
      .orderBy(asc(applicationTeachingTypes.rank)),
    db
      .select({ applicationId: applicationZones.applicationId, rank: applicationZones.rank, id: zones.id, label: zones.label })
      .from(applicationZones)
      .innerJoin(zones, eq(zones.id, applicationZones.zoneId))
      .where(inArray(applicationZones.applicationId, ids))
      .orderBy(asc(applicationZones.rank)),
    db
      .select({ applicationId: applicationWorkingTimes.applicationId, rank: applicationWorkingTimes.rank, id: workingTimes.id, label: workingTimes.label })
      .from(applicationWorkingTimes)
      .innerJoin(workingTimes, eq(workingTimes.id, applicationWorkingTimes.workingTimeId))
      .where(inArray(applicationWorkingTimes.applicationId, ids))
      .orderBy(asc(applicationWorkingTimes.rank)),
    db
      .select({ id: attachmentTypes.id, postTypeId: attachmentTypes.postTypeId, label: attachmentTypes.label, required: attachmentTypes.required, active: attachmentTypes.active })
      .from(attachmentTypes)
      .where(inArray(attachmentTypes.postTypeId, postTypeIds))
      .orderBy(asc(attachmentTypes.rank), asc(attachmentTypes.label)),
    db
      .select({
        applicationId: applicationAttachments.applicationId,
        attachmentTypeId: applicationAttachments.attachmentTypeId,
        fileId: files.id,
        name: files.originalName,
        size: files.size,
        uploadedAt: files.createdAt,
      })
      .from(applicationAttachments)
      .innerJoin(files, eq(files.id, applicationAttachments.fileId))
      .where(and(inArray(applicationAttachments.applicationId, ids), eq(files.status, "ready"))),
  ]);
  return base.map(({ application, postTypeLabel, ...requires }) => {
    const mine = <T extends { applicationId: string }>(rows: T[]) =>
      rows.filter((row) => row.applicationId === application.id).map(({ applicationId: _, ...rest }) => rest);
    const attached = mine(attachedRows);
    const slots: AttachmentSlot[] = typeRows
      .filter((type) => type.postTypeId === application.postTypeId)
      .map((type) => {
        const file = attached.find((row) => row.attachmentTypeId === type.id);
        return {
          attachmentTypeId: type.id,
          label: type.label,
          required: type.required && type.active,
          file: file ? { id: file.fileId, name: file.name, size: file.size, uploadedAt: file.uploadedAt } : null,
          active: type.active,
        };
      })
      // A type an admin retired stays visible only where a file was given for it.
      .filter((slot) => slot.active || slot.file)
      .map(({ active: _, ...slot }) => slot);
    const detail = {
      id: application.id,
      postType: { id: application.postTypeId, label: postTypeLabel },
      status: application.status,
      rqth: application.rqth,
      university: application.university,
      component: application.component,
      program: application.program,
      curriculum: application.curriculum,
      level: application.level,
      ine: application.ine,
      submittedAt: application.submittedAt,
      validUntil: application.validUntil,
      renewalNoticeSentAt: application.renewalNoticeSentAt,
      teachingTypes: mine(teachingRows),
      zones: mine(zoneRows),
      workingTimes: mine(timeRows),
      attachments: slots,
    };
    const missing = missingItems({
      requirements: {
        teachingType: requires.requiresTeachingType,
        zone: requires.requiresZone,
        workingTime: requires.requiresWorkingTime,
        university: requires.requiresUniversity,
      },
      teachingTypeCount: detail.teachingTypes.length,
      zoneCount: detail.zones.length,
      workingTimeCount: detail.workingTimes.length,
      university: detail.university,
      curriculum: detail.curriculum,
      level: detail.level,
      attachments: slots.map((slot) => ({ label: slot.label, required: slot.required, present: Boolean(slot.file) })),
    });
    return { ...detail, missing };
  });
}

/** One of the candidate's applications, or null when it is not theirs (pages answer 404). */
export async function findApplication(db: Queryable, userId: string, applicationId: string): Promise<ApplicationDetail | null> {
  if (!isUuid(applicationId)) return null;
  const [detail] = await loadApplications(db, userId, applicationId);
  return detail ?? null;
}

export type FormResult = { ok: true; id: string } | { ok: false; errors: Partial<Record<string, string>> };

/** Parses the form and checks each chosen reference row is offered (or already chosen here). */
async function validateForm(
  tx: Queryable,
  raw: RawApplicationForm,
  settings: Settings,
  applicationId?: string,
): Promise<{ ok: true; data: ApplicationForm } | { ok: false; errors: Partial<Record<string, string>> }> {
  const parsed = applicationFormSchema(settings).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const errors: Partial<Record<string, string>> = {};
  const previous = { teaching: new Set<string>(), zones: new Set<string>(), times: new Set<string>() };
  if (applicationId) {
    const [teachingRows, zoneRows, timeRows] = await Promise.all([
      tx.select({ id: applicationTeachingTypes.teachingTypeId }).from(applicationTeachingTypes).where(eq(applicationTeachingTypes.applicationId, applicationId)),
      tx.select({ id: applicationZones.zoneId }).from(applicationZones).where(eq(applicationZones.applicationId, applicationId)),
      tx.select({ id: applicationWorkingTimes.workingTimeId }).from(applicationWorkingTimes).where(eq(applicationWorkingTimes.applicationId, applicationId)),
    ]);
    teachingRows.forEach((row) => previous.teaching.add(row.id));
    zoneRows.forEach((row) => previous.zones.add(row.id));
    timeRows.forEach((row) => previous.times.add(row.id));
  }
  const check = async (ids: string[], table: typeof zones | typeof workingTimes | typeof teachingTypes, previous: Set<string>) => {
    if (ids.length === 0) return true;
    const rows = await tx.select({ id: table.id, active: table.active }).from(table).where(inArray(table.id, ids));
    return ids.every((id) => rows.some((row) => row.id === id && (row.active || previous.has(id))));
  };
  const teaching = [data.teachingType1, data.teachingType2].filter((id): id is string => Boolean(id));
  if (!(await check(teaching, teachingTypes, previous.teaching))) {
    errors.teachingType1 = "Ce type d'enseignement n'est plus proposé : choisissez-en un autre dans la liste.";
  }
  if (!(await check(data.zones, zones, previous.zones))) {
    errors.zones = "Une des zones choisies n'est plus proposée : retirez-la et choisissez-en une autre.";
  }
  if (!(await check(data.workingTimes, workingTimes, previous.times))) {
    errors.workingTimes = "Une des quotités choisies n'est plus proposée : retirez-la et choisissez-en une autre.";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

async function writeChoices(tx: Transaction, applicationId: string, data: ApplicationForm): Promise<void> {
  await tx.delete(applicationTeachingTypes).where(eq(applicationTeachingTypes.applicationId, applicationId));
  await tx.delete(applicationZones).where(eq(applicationZones.applicationId, applicationId));
  await tx.delete(applicationWorkingTimes).where(eq(applicationWorkingTimes.applicationId, applicationId));
  const teaching = [data.teachingType1, data.teachingType2].filter((id): id is string => Boolean(id));
  if (teaching.length) await tx.insert(applicationTeachingTypes).values(teaching.map((teachingTypeId, index) => ({ applicationId, teachingTypeId, rank: index + 1 })));
  if (data.zones.length) await tx.insert(applicationZones).values(data.zones.map((zoneId, index) => ({ applicationId, zoneId, rank: index + 1 })));
  if (data.workingTimes.length) {
    await tx.insert(applicationWorkingTimes).values(data.workingTimes.map((workingTimeId, index) => ({ applicationId, workingTimeId, rank: index + 1 })));
  }
}

const fields = (data: ApplicationForm) => ({
  rqth: data.rqth,
  university: data.university,
  component: data.component,
  program: data.program,
  curriculum: data.curriculum,
  level: data.level,
  ine: data.ine,
});

/** "Valider" on a new application: accepted even when incomplete; valid for the set months. */
export async function createApplication(userId: string, raw: RawApplicationForm): Promise<FormResult> {
  const db = getDb();
  try {
    return await db.transaction(async (tx) => {
      const settings = await loadSettings(tx);
      const open = await openPostTypesFor(tx, userId, settings);
      if (!open.some((postType) => postType.id === raw.postTypeId)) {
        return { ok: false as const, errors: { postTypeId: "Choisissez un poste parmi ceux proposés." } };
      }
      const form = await validateForm(tx, raw, settings);
      if (!form.ok) return form;
      const now = new Date();
      const [created] = await tx
        .insert(applications)
        .values({ userId, postTypeId: raw.postTypeId, ...fields(form.data), submittedAt: now, validUntil: addMonths(todayIso(now), settings.validityMonths) })
        .returning({ id: applications.id });
      const id = created!.id;
      await writeChoices(tx, id, form.data);
      await tx.insert(statusEvents).values({ applicationId: id, kind: "submitted", toStatus: "submitted", actorId: userId });
      await recordAudit(tx, { actor: await personActor(tx, userId), action: "application.created", entityType: "application", entityId: id });
      return { ok: true as const, id };
    });
  } catch (error) {
    // Two tabs submitting at once: the unique (candidate, post type) index keeps one.
    if (isUniqueViolation(error)) return { ok: false, errors: { postTypeId: "Vous avez déjà une candidature pour ce poste." } };
    throw error;
  }
}

/** "Modifier": only the owner, only while the application is `submitted`. */
export async function updateApplication(userId: string, applicationId: string, raw: RawApplicationForm): Promise<FormResult | { ok: false; notFound: true }> {
  if (!isUuid(applicationId)) return { ok: false, notFound: true };
  return getDb().transaction(async (tx) => {
    const [application] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)))
      .for("update");
    if (!application) return { ok: false as const, notFound: true as const };
    if (!canEditForm(application.status)) {
      return { ok: false as const, errors: { form: "Cette candidature est en cours d'examen ou close : elle ne peut plus être modifiée." } };
    }
    const form = await validateForm(tx, raw, await loadSettings(tx), applicationId);
    if (!form.ok) return form;
    await tx.update(applications).set({ ...fields(form.data), updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await writeChoices(tx, applicationId, form.data);
    await recordAudit(tx, { actor: await personActor(tx, userId), action: "application.updated", entityType: "application", entityId: applicationId });
    return { ok: true as const, id: applicationId };
  });
}

/**
 * "Supprimer": the rows go in one transaction (with an anonymous trace and an audit entry);
 * the stored objects are deleted after commit, and retried by the daily job if storage fails.
 */
export async function deleteApplication(
  userId: string,
  applicationId: string,
  deps: { db: Database; storage: Storage } = { db: getDb(), storage: getStorage() },
): Promise<boolean> {
  if (!isUuid(applicationId)) return false;
  const removed = await deps.db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)))
      .for("update");
    if (!owned) return null;
    return removeApplicationRows(tx, applicationId, "candidate_request", await personActor(tx, userId));
  });
  if (removed === null) return false;
  if (removed.keys.length) await runObjectDeletions(deps, { keys: removed.keys });
  return true;
}

/**
 * Deletes an application's rows in the caller's transaction (the row must be locked by it):
 * its files, an anonymous `deleted_applications` trace and an audit entry. Returns the storage
 * keys scheduled for deletion (delete them after commit) and what the last mail needs.
 */
export async function removeApplicationRows(
  tx: Transaction,
  applicationId: string,
  reason: "candidate_request" | "no_renewal_answer",
  actor: AuditActor,
): Promise<{ keys: string[]; postTypeLabel: string; userId: string }> {
  const [application] = await tx
    .select({ application: applications, postTypeLabel: postTypes.label })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(eq(applications.id, applicationId));
  if (!application) throw new Error(`application ${applicationId} vanished inside its transaction`);
  const attached = await tx
    .select({ fileId: files.id, key: files.storageKey })
    .from(applicationAttachments)
    .innerJoin(files, eq(files.id, applicationAttachments.fileId))
    .where(eq(applicationAttachments.applicationId, applicationId));
  await tx.insert(deletedApplications).values({
    postTypeLabel: application.postTypeLabel,
    status: application.application.status,
    submittedAt: application.application.submittedAt,
    validUntil: application.application.validUntil,
    renewalNoticeSentAt: application.application.renewalNoticeSentAt,
    reason,
  });
  await tx.delete(applications).where(eq(applications.id, applicationId));
  // A renewal notice or reminder still waiting for SMTP would now speak of a deleted application.
  await cancelPendingMails(tx, applicationId, renewalTemplates);
  const keys = attached.map((row) => row.key);
  if (attached.length) {
    await tx.delete(files).where(inArray(files.id, attached.map((row) => row.fileId)));
    await scheduleObjectDeletion(tx, keys);
  }
  await recordAudit(tx, {
    actor,
    action: reason === "no_renewal_answer" ? "application.deleted_without_answer" : "application.deleted",
    entityType: "application",
    entityId: applicationId,
    details: { postType: application.postTypeLabel, files: attached.length },
  });
  return { keys, postTypeLabel: application.postTypeLabel, userId: application.application.userId };
}

/** Which sections a post type needs for completeness (the "*" of the form). */
export async function requirementsOf(db: Queryable, postTypeId: string): Promise<SectionRequirements> {
  const [row] = await db
    .select({
      teachingType: postTypes.requiresTeachingType,
      zone: postTypes.requiresZone,
      workingTime: postTypes.requiresWorkingTime,
      university: postTypes.requiresUniversity,
    })
    .from(postTypes)
    .where(eq(postTypes.id, postTypeId));
  return row ?? { teachingType: false, zone: false, workingTime: false, university: false };
}
