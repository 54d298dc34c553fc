import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { attachmentTypes, diplomaTypes, postTypes, teachingTypes, workingTimes, zones } from "./reference";
import { timestamps, users } from "./users";

export const applicationStatus = pgEnum("application_status", [
  "submitted",
  "in_review",
  "recruited",
  "rejected",
  "withdrawn",
]);

// RQTH is health data (GDPR art. 9): optional, shown to staff only, never a search filter.
export const rqthStatus = pgEnum("rqth_status", ["yes", "no", "pending", "undisclosed"]);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postTypeId: uuid("post_type_id")
      .notNull()
      .references(() => postTypes.id, { onDelete: "restrict" }),
    status: applicationStatus("status").notNull().default("submitted"),
    rqth: rqthStatus("rqth"),
    university: text("university"),
    component: text("component"),
    program: text("program"),
    curriculum: text("curriculum"),
    level: text("level"),
    ine: text("ine"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    validUntil: date("valid_until").notNull(),
    renewalNoticeSentAt: timestamp("renewal_notice_sent_at", { withTimezone: true }),
    renewalReminderSentAt: timestamp("renewal_reminder_sent_at", { withTimezone: true }),
    // When the daily job announced the deletion of a closed application (lib/retention).
    retentionNoticeSentAt: timestamp("retention_notice_sent_at", { withTimezone: true }),
    // What lib/applications/completeness.ts says, kept in step by every change that can alter
    // it (refreshCompleteness): staff filter and count it over many rows; pages recompute it.
    complete: boolean("complete").notNull().default(false),
    // The candidate's last name then first name, folded (aesh_sort_name): the staff list's order
    // by name. Filled by PostgreSQL from users (triggers of migration 0017) on insert and on
    // every change of the names, so that the order and the position in it walk an index of
    // this table instead of joining and sorting every candidate.
    candidateSortName: text("candidate_sort_name").notNull().default(""),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_user_post_type_key").on(t.userId, t.postTypeId),
    index("applications_status_complete_idx").on(t.status, t.complete),
    index("applications_ine_idx").on(t.ine),
    // The daily renewal job scans submitted applications by validity date.
    index("applications_status_valid_until_idx").on(t.status, t.validUntil),
    index("applications_post_type_status_idx").on(t.postTypeId, t.status),
    // The staff list's orders (submission, validity, name) with the id as tie-breaker: pages and
    // export batches walk these indexes instead of sorting the table.
    index("applications_submitted_at_id_idx").on(t.submittedAt, t.id),
    index("applications_valid_until_id_idx").on(t.validUntil, t.id),
    index("applications_candidate_sort_name_id_idx").on(t.candidateSortName, t.id),
  ],
);

/** Ranked choices: rank 1 is the first wish. */
export const applicationZones = pgTable(
  "application_zones",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    zoneId: uuid("zone_id")
      .notNull()
      .references(() => zones.id, { onDelete: "restrict" }),
    rank: smallint("rank").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.rank] }),
    uniqueIndex("application_zones_application_zone_key").on(t.applicationId, t.zoneId),
    // "Zone du premier vœu" and "une zone parmi les vœux" filters of the staff list. The
    // application's id in the key too: the filter's applications are read from the index alone
    // (an index-only scan), not from the table's pages.
    index("application_zones_zone_rank_idx").on(t.zoneId, t.rank, t.applicationId),
    check("application_zones_rank_positive", sql`${t.rank} >= 1`),
  ],
);

export const applicationWorkingTimes = pgTable(
  "application_working_times",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    workingTimeId: uuid("working_time_id")
      .notNull()
      .references(() => workingTimes.id, { onDelete: "restrict" }),
    rank: smallint("rank").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.rank] }),
    uniqueIndex("application_working_times_application_working_time_key").on(t.applicationId, t.workingTimeId),
    index("application_working_times_working_time_idx").on(t.workingTimeId, t.rank),
    check("application_working_times_rank_positive", sql`${t.rank} >= 1`),
  ],
);

/** "Choix 1" and "Choix 2": the same teaching type may be chosen twice, as the guide asks. */
export const applicationTeachingTypes = pgTable(
  "application_teaching_types",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    teachingTypeId: uuid("teaching_type_id")
      .notNull()
      .references(() => teachingTypes.id, { onDelete: "restrict" }),
    rank: smallint("rank").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.rank] }),
    index("application_teaching_types_teaching_type_idx").on(t.teachingTypeId),
    check("application_teaching_types_rank_range", sql`${t.rank} between 1 and 2`),
  ],
);

export const fileStatus = pgEnum("file_status", ["pending", "ready", "rejected"]);
export const filePurpose = pgEnum("file_purpose", ["application_attachment", "diploma"]);

export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: filePurpose("purpose").notNull(),
    // Chosen by the server, never derived from the user's file name.
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    status: fileStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("files_storage_key_key").on(t.storageKey),
    index("files_user_idx").on(t.userId),
    // The daily job sweeps pending uploads never confirmed.
    index("files_status_created_at_idx").on(t.status, t.createdAt),
  ],
);

export const applicationAttachments = pgTable(
  "application_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    attachmentTypeId: uuid("attachment_type_id")
      .notNull()
      .references(() => attachmentTypes.id, { onDelete: "restrict" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("application_attachments_application_type_key").on(t.applicationId, t.attachmentTypeId),
    uniqueIndex("application_attachments_file_key").on(t.fileId),
  ],
);

/** Diplomas belong to the candidate, not to an application: deleting an application keeps them. */
export const diplomas = pgTable(
  "diplomas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    diplomaTypeId: uuid("diploma_type_id")
      .notNull()
      .references(() => diplomaTypes.id, { onDelete: "restrict" }),
    obtainedOn: date("obtained_on"),
    institution: text("institution").notNull(),
    // ISO 3166-1 alpha-2 code.
    country: text("country").notNull(),
    city: text("city").notNull(),
    fileId: uuid("file_id").references(() => files.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("diplomas_user_idx").on(t.userId), uniqueIndex("diplomas_file_key").on(t.fileId)],
);

/**
 * Stored objects to delete, written in the transaction that drops their rows and emptied after
 * commit (and by the daily job when storage was down): the database never points at a deleted
 * object, and no object outlives its rows for long.
 */
export const storageDeletions = pgTable("storage_deletions", {
  storageKey: text("storage_key").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
