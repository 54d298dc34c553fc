import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { applications, applicationStatus } from "./applications";
import { users } from "./users";

export const statusEventKind = pgEnum("status_event_kind", [
  "submitted",
  "status_changed",
  "renewal_notice_sent",
  "renewal_reminder_sent",
  "renewed",
  "withdrawn",
  "validity_extended",
]);

export const statusEvents = pgTable(
  "status_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: statusEventKind("kind").notNull(),
    fromStatus: applicationStatus("from_status"),
    toStatus: applicationStatus("to_status"),
    // Null when the platform itself acted (daily job).
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("status_events_application_idx").on(t.applicationId, t.createdAt)],
);

export const staffNotes = pgTable(
  "staff_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_notes_application_idx").on(t.applicationId, t.createdAt)],
);

/**
 * The conversation between staff and the candidate about one application ("Messages"): staff
 * ask (an unreadable document…), the candidate answers from their space. `read_at` is set when
 * the other side opens it. Apart from `staff_notes`, which the candidate never sees.
 */
export const applicationMessages = pgTable(
  "application_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    fromStaff: boolean("from_staff").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("application_messages_application_idx").on(t.applicationId, t.createdAt),
    // "Messages non lus" of staff: candidates' answers nobody has opened yet.
    index("application_messages_unread_idx").on(t.applicationId).where(sql`${t.fromStaff} = false and ${t.readAt} is null`),
  ],
);

/** Who did what to which record, when. Not tied by foreign keys: entries outlive their records. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id"),
    // A readable name kept at the time of the action ("system", the staff member's email…).
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    // The client address of a staff action or file opening (null for the platform itself).
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);

export const deletionReason = pgEnum("deletion_reason", [
  "no_renewal_answer",
  "candidate_request",
  "account_deleted",
  "staff",
  // Closed (recruited, rejected, withdrawn) for longer than the retention setting.
  "retention",
]);

/** Anonymous trace of a deleted application: enough for statistics, nothing personal. */
export const deletedApplications = pgTable(
  "deleted_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postTypeLabel: text("post_type_label").notNull(),
    status: applicationStatus("status").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    validUntil: date("valid_until").notNull(),
    renewalNoticeSentAt: timestamp("renewal_notice_sent_at", { withTimezone: true }),
    reason: deletionReason("reason").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deleted_applications_deleted_at_idx").on(t.deletedAt)],
);

export const emailStatus = pgEnum("email_status", ["pending", "sent", "failed"]);

/** Every mail is written here in the transaction of the change it reports, then delivered. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    template: text("template").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: emailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    // Earliest next delivery attempt; also a lease while a delivery is under way.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // What the delivery confirms (e.g. the application of a renewal notice).
    relatedId: uuid("related_id"),
    // The account the mail was written to: its mails go with it when it is deleted.
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_related_idx").on(t.relatedId),
    index("email_outbox_user_idx").on(t.userId),
    // The daily purge of delivered mails walks them by age.
    index("email_outbox_sent_at_idx").on(t.sentAt),
  ],
);

/** Business rules edited by admins; each key's shape and default live in lib/settings. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
});


/**
 * Runs of the daily job, with what each did (the staff view lists the last ones). A run that
 * holds the renewal lease has `lease_until` in the future: a second run at the same moment
 * delivers mail but leaves notices, reminders and deletions to the first.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    summary: jsonb("summary"),
    error: text("error"),
  },
  (t) => [index("job_runs_job_started_at_idx").on(t.job, t.startedAt)],
);

/** Mutual exclusion between overlapping runs, as a lease that expires if a run dies. */
export const jobLocks = pgTable("job_locks", {
  name: text("name").primaryKey(),
  holder: uuid("holder").notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }).notNull(),
});
