import "server-only";
import { and, asc, desc, eq, notExists, sql, type SQL } from "drizzle-orm";
import { inUuids, qualified } from "../db/conditions";
import type { Queryable } from "../db/client";
import { applicationAttachments, applicationMessages, applications, attachmentTypes, files, postTypes, statusEvents, teachingTypes, workingTimes, zones } from "../db/schema";
import { loadSettings } from "../settings/settings";
import { isUuid } from "../validation";
import { rankedChoicesJson, type Choices, type RankedOption } from "./choices";
import { missingItems, type MissingItem, type SectionRequirements } from "./completeness";
import type { RqthValue } from "./form-fields";
import type { ApplicationStatus } from "./status";

/**
 * The read model of applications, shared by the candidate's pages and the staff space: one
 * query path, completeness computed by `missingItems` for every reader.
 */

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
export async function openPostTypesFor(db: Queryable, userId: string): Promise<(Option & { requirements: SectionRequirements })[]> {
  const taken = db
    .select({ one: sql`1` })
    .from(applications)
    .where(and(eq(applications.userId, userId), sql`${qualified(applications.postTypeId)} = ${qualified(postTypes.id)}`));
  const open = await db
    .select({
      id: postTypes.id,
      label: postTypes.label,
      teachingType: postTypes.requiresTeachingType,
      zone: postTypes.requiresZone,
      workingTime: postTypes.requiresWorkingTime,
      university: postTypes.requiresUniversity,
    })
    .from(postTypes)
    .where(and(eq(postTypes.active, true), eq(postTypes.campaignOpen, true), notExists(taken)))
    .orderBy(asc(postTypes.rank), asc(postTypes.label));
  return open.map(({ id, label, ...requirements }) => ({ id, label, requirements }));
}

/** A file given for an attachment type, as pages show it. */
export type SlotFile = { id: string; name: string; size: number; uploadedAt: Date };

/** `F`: what is known of a given file (pages: its name and size; exports: only its id). */
export type AttachmentSlot<F = SlotFile> = {
  attachmentTypeId: string;
  label: string;
  required: boolean;
  file: F | null;
};

export type ApplicationDetail<F = SlotFile> = {
  id: string;
  userId: string;
  postType: Option;
  status: ApplicationStatus;
  rqth: RqthValue | null;
  university: string | null;
  component: string | null;
  program: string | null;
  curriculum: string | null;
  level: string | null;
  ine: string | null;
  submittedAt: Date;
  validUntil: string;
  renewalNoticeSentAt: Date | null;
  renewalReminderSentAt: Date | null;
  teachingTypes: RankedOption[];
  zones: RankedOption[];
  workingTimes: RankedOption[];
  attachments: AttachmentSlot<F>[];
  missing: MissingItem[];
};

/** An attachment type as completeness reads it. */
export type AttachmentTypeRow = { id: string; postTypeId: string; label: string; required: boolean; active: boolean };
/** A ready file given for one of an application's attachment types. */
export type AttachedFile<F = SlotFile> = { attachmentTypeId: string; file: F };

/** What one application's detail is made of, however it was read (by batches here, streamed by exports). */
export type DetailSource<F = SlotFile> = {
  application: Pick<
    typeof applications.$inferSelect,
    "id" | "userId" | "postTypeId" | "status" | "rqth" | "university" | "component" | "program" | "curriculum" | "level" | "ine" | "submittedAt" | "validUntil" | "renewalNoticeSentAt" | "renewalReminderSentAt"
  >;
  postTypeLabel: string;
  requirements: SectionRequirements;
  chosen: Choices;
  attached: AttachedFile<F>[];
};

/** Every attachment type, in the admins' order: a few rows, read once per page or export. */
export function loadAttachmentTypes(db: Queryable, postTypeIds?: string[]): Promise<AttachmentTypeRow[]> {
  return db
    .select({ id: attachmentTypes.id, postTypeId: attachmentTypes.postTypeId, label: attachmentTypes.label, required: attachmentTypes.required, active: attachmentTypes.active })
    .from(attachmentTypes)
    .where(postTypeIds ? inUuids(attachmentTypes.postTypeId, postTypeIds) : undefined)
    .orderBy(asc(attachmentTypes.rank), asc(attachmentTypes.label));
}

/**
 * One application as every page reads it: its attachment slots (the post type's types, and a
 * retired one only where a file was given for it) and what is missing, by `missingItems`.
 */
export function applicationDetail<F = SlotFile>({ application, postTypeLabel, requirements, chosen, attached }: DetailSource<F>, types: AttachmentTypeRow[]): ApplicationDetail<F> {
  const slots: AttachmentSlot<F>[] = types
    .filter((type) => type.postTypeId === application.postTypeId)
    .map((type) => {
      const file = attached.find((row) => row.attachmentTypeId === type.id);
      return {
        attachmentTypeId: type.id,
        label: type.label,
        required: type.required && type.active,
        file: file ? file.file : null,
        active: type.active,
      };
    })
    .filter((slot) => slot.active || slot.file)
    .map(({ active: _, ...slot }) => slot);
  return {
    id: application.id,
    userId: application.userId,
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
    renewalReminderSentAt: application.renewalReminderSentAt,
    ...chosen,
    attachments: slots,
    missing: missingItems({
      requirements,
      teachingTypeCount: chosen.teachingTypes.length,
      zoneCount: chosen.zones.length,
      workingTimeCount: chosen.workingTimes.length,
      university: application.university,
      curriculum: application.curriculum,
      level: application.level,
      attachments: slots.map((slot) => ({ label: slot.label, required: slot.required, present: Boolean(slot.file) })),
    }),
  };
}

/** An application as read from the database: its detail, and the service's messages its candidate has not read. */
export type LoadedApplication = ApplicationDetail & { unreadFromService: number };

type AttachedJson = { attachmentTypeId: string; id: string; name: string; size: number; uploadedAt: number };

/** For a query over `applications`: its post type's attachment types, in the admins' order. */
function attachmentTypesJson(): SQL<AttachmentTypeRow[]> {
  const [id, postTypeId, label] = [qualified(attachmentTypes.id), qualified(attachmentTypes.postTypeId), qualified(attachmentTypes.label)];
  return sql<AttachmentTypeRow[]>`coalesce((select json_agg(json_build_object('id', ${id}, 'postTypeId', ${postTypeId}, 'label', ${label}, 'required', ${qualified(attachmentTypes.required)}, 'active', ${qualified(attachmentTypes.active)}) order by ${qualified(attachmentTypes.rank)}, ${label}) from ${attachmentTypes} where ${postTypeId} = ${qualified(applications.postTypeId)}), '[]'::json)`;
}

/** For a query over `applications`: the ready files given for it (upload time in epoch ms). */
function attachedFilesJson(): SQL<AttachedJson[]> {
  const fileId = qualified(files.id);
  return sql<AttachedJson[]>`coalesce((select json_agg(json_build_object('attachmentTypeId', ${qualified(applicationAttachments.attachmentTypeId)}, 'id', ${fileId}, 'name', ${qualified(files.originalName)}, 'size', ${qualified(files.size)}, 'uploadedAt', floor(extract(epoch from ${qualified(files.createdAt)}) * 1000))) from ${applicationAttachments} join ${files} on ${fileId} = ${qualified(applicationAttachments.fileId)} where ${qualified(applicationAttachments.applicationId)} = ${qualified(applications.id)} and ${qualified(files.status)} = 'ready'), '[]'::json)`;
}

/** For a query over `applications`: how many of the service's messages its candidate has not read. */
function unreadFromServiceCount(): SQL<number> {
  return sql<number>`(select count(*)::int from ${applicationMessages} where ${qualified(applicationMessages.applicationId)} = ${qualified(applications.id)} and ${qualified(applicationMessages.fromStaff)} and ${qualified(applicationMessages.readAt)} is null)`;
}

/**
 * Applications with everything their pages show, completeness included: a candidate's own
 * (`userId`), or given ones (`ids`, for staff, their perimeter as `within`). One
 * statement: choices, attachment types and files come as JSON columns (six statements before),
 * and `applicationDetail` derives the slots and what is missing, as for every other reader.
 */
export async function loadApplicationDetails(
  db: Queryable,
  where: ({ userId: string; ids?: string[] } | { userId?: string; ids: string[] }) & { within?: SQL },
): Promise<LoadedApplication[]> {
  const conditions: (SQL | undefined)[] = [
    where.userId ? eq(applications.userId, where.userId) : undefined,
    where.ids ? inUuids(applications.id, where.ids) : undefined,
    where.within,
  ];
  const rows = await db
    .select({
      application: applications,
      postTypeLabel: postTypes.label,
      teachingType: postTypes.requiresTeachingType,
      zone: postTypes.requiresZone,
      workingTime: postTypes.requiresWorkingTime,
      university: postTypes.requiresUniversity,
      teachingTypes: rankedChoicesJson("teachingTypes"),
      zones: rankedChoicesJson("zones"),
      workingTimes: rankedChoicesJson("workingTimes"),
      types: attachmentTypesJson(),
      attached: attachedFilesJson(),
      unreadFromService: unreadFromServiceCount(),
    })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(and(...conditions))
    .orderBy(asc(applications.submittedAt));
  return rows.map(({ application, postTypeLabel, teachingTypes, zones, workingTimes, types, attached, unreadFromService, ...requirements }) => {
    const given = attached.map(({ attachmentTypeId, uploadedAt, ...file }) => ({ attachmentTypeId, file: { ...file, uploadedAt: new Date(uploadedAt) } }));
    const detail = applicationDetail({ application, postTypeLabel, requirements, chosen: { teachingTypes, zones, workingTimes }, attached: given }, types);
    return { ...detail, unreadFromService };
  });
}

/** The candidate's applications, oldest first. */
export function loadApplications(db: Queryable, userId: string): Promise<LoadedApplication[]> {
  return loadApplicationDetails(db, { userId });
}

/** One of the candidate's applications, or null when it is not theirs (pages answer 404). */
export async function findApplication(db: Queryable, userId: string, applicationId: string): Promise<LoadedApplication | null> {
  if (!isUuid(applicationId)) return null;
  const [detail] = await loadApplicationDetails(db, { userId, ids: [applicationId] });
  return detail ?? null;
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

/** The last staff decision on an application and the reason given, as its candidate reads it. */
export async function lastDecision(db: Queryable, applicationId: string): Promise<{ status: ApplicationStatus; reason: string | null; at: Date } | null> {
  const [event] = await db
    .select({ status: statusEvents.toStatus, reason: statusEvents.comment, at: statusEvents.createdAt })
    .from(statusEvents)
    .where(and(eq(statusEvents.applicationId, applicationId), eq(statusEvents.kind, "status_changed")))
    .orderBy(desc(statusEvents.createdAt))
    .limit(1);
  return event?.status ? { status: event.status, reason: event.reason, at: event.at } : null;
}

/** Post types whose campaign is closed, with what candidates are told. */
export async function closedCampaigns(db: Queryable): Promise<{ label: string; message: string | null }[]> {
  return db
    .select({ label: postTypes.label, message: postTypes.closedMessage })
    .from(postTypes)
    .where(and(eq(postTypes.active, true), eq(postTypes.campaignOpen, false)))
    .orderBy(asc(postTypes.rank), asc(postTypes.label));
}
