import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./users";

/** Reference data edited by admins in /admin/referentiels. Rows are deactivated, not deleted,
 * once an application or diploma points at them (foreign keys restrict deletion). */

export const postTypes = pgTable(
  "post_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    // In the catalogue (retired post types stay for the applications that hold them).
    active: boolean("active").notNull().default(true),
    // The recruitment campaign of this post: open to new applications, or closed with a message.
    campaignOpen: boolean("campaign_open").notNull().default(true),
    closedMessage: text("closed_message"),
    rank: integer("rank").notNull().default(0),
    // Which sections of the application form must be filled for it to be complete.
    requiresTeachingType: boolean("requires_teaching_type").notNull().default(true),
    requiresZone: boolean("requires_zone").notNull().default(true),
    requiresWorkingTime: boolean("requires_working_time").notNull().default(true),
    requiresUniversity: boolean("requires_university").notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex("post_types_label_key").on(t.label)],
);

export const zones = pgTable(
  "zones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    label: text("label").notNull(),
    department: text("department").notNull(),
    rank: integer("rank").notNull().default(0),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("zones_code_key").on(t.code), uniqueIndex("zones_label_key").on(t.label)],
);

export const workingTimes = pgTable(
  "working_times",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    weeklyHours: numeric("weekly_hours", { precision: 4, scale: 2, mode: "number" }),
    percentage: smallint("percentage").notNull(),
    rank: integer("rank").notNull().default(0),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("working_times_label_key").on(t.label),
    check("working_times_percentage_range", sql`${t.percentage} between 1 and 100`),
  ],
);

export const teachingTypes = pgTable(
  "teaching_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    rank: integer("rank").notNull().default(0),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("teaching_types_label_key").on(t.label)],
);

export const diplomaTypes = pgTable(
  "diploma_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    // Level of the cadre national des certifications professionnelles (3–8); null when it
    // depends on the diploma (titre professionnel, foreign diploma, other).
    level: smallint("level"),
    rank: integer("rank").notNull().default(0),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("diploma_types_label_key").on(t.label),
    check("diploma_types_level_range", sql`${t.level} is null or ${t.level} between 3 and 8`),
  ],
);

export const attachmentTypes = pgTable(
  "attachment_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postTypeId: uuid("post_type_id")
      .notNull()
      .references(() => postTypes.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    required: boolean("required").notNull().default(false),
    rank: integer("rank").notNull().default(0),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("attachment_types_post_type_label_key").on(t.postTypeId, t.label)],
);
