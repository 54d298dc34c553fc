import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["candidate", "gestionnaire", "admin"]);
export const civility = pgEnum("civility", ["madame", "monsieur"]);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
export { timestamps };

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The lower-cased email, or a generated identifier for candidates without email.
    identifier: text("identifier").notNull(),
    email: text("email"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("candidate"),
    civility: civility("civility"),
    usageName: text("usage_name"),
    birthName: text("birth_name"),
    firstName: text("first_name"),
    birthDate: date("birth_date"),
    birthPlace: text("birth_place"),
    // ISO 3166-1 alpha-2 code; the French name is looked up for display.
    nationality: text("nationality"),
    phone: text("phone"),
    misc: text("misc"),
    // Bumped on password change/reset and deletion: sessions carrying an older value end.
    sessionVersion: integer("session_version").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Set by a staff-assisted reset (a temporary password shown once): change it at next login.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // A temporary password given by staff works until then only.
    provisionalUntil: timestamp("provisional_until", { withTimezone: true }),
    // Names, identifier and email folded (lower case, no accents) for the staff search.
    searchText: text("search_text").generatedAlwaysAs(
      sql`aesh_fold(coalesce(first_name, '') || ' ' || coalesce(usage_name, '') || ' ' || coalesce(birth_name, '') || ' ' || identifier || ' ' || coalesce(email, ''))`,
    ),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    // When the daily job told a candidate who never applied that their unused account will go
    // (lib/retention); a sign-in since keeps it.
    retentionNoticeSentAt: timestamp("retention_notice_sent_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_identifier_key").on(t.identifier),
    uniqueIndex("users_email_key").on(t.email),
    index("users_role_idx").on(t.role),
    index("users_birth_name_idx").on(sql`lower(${t.birthName})`),
    index("users_usage_name_idx").on(sql`lower(${t.usageName})`),
    index("users_search_text_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Staff sessions, kept server-side: shorter than candidates' (idle and absolute limits), with
 * page views counting as activity, ended at once by "Déconnecter" or a deactivation. The JWT
 * of a staff member carries the id of its row.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // How the second factor was given in this session (passkey, totp, recovery), and when; null:
    // password only, which opens nothing of the staff space once the person has a factor.
    secondFactor: text("second_factor", { enum: ["passkey", "totp", "recovery"] }),
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    // Wrong codes typed in this session: the session ends at the fifth.
    factorFailures: integer("factor_failures").notNull().default(0),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

export const tokenPurpose = pgEnum("token_purpose", [
  "email_verification",
  "email_change",
  "password_reset",
  "recovery_code",
  "renewal",
  "staff_invitation",
]);

/** One-time tokens. Only a SHA-256 of the token is stored; the token itself travels by mail. */
export const tokens = pgTable(
  "tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    // What the token acts on: the new email of an email change, the application of a renewal…
    subject: text("subject"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    usedAt: timestamp("used_at", { withTimezone: true }),
    // Set with used_at when a newer link replaced this one, so its page can say so.
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tokens_token_hash_key").on(t.tokenHash),
    index("tokens_user_purpose_idx").on(t.userId, t.purpose),
    // Renewal links are revoked by application (the daily job, per notice): without it, a scan
    // of every token per notice made 10 000 notices quadratic.
    index("tokens_purpose_subject_idx").on(t.purpose, t.subject),
  ],
);

/**
 * Failed-login counters per identifier and per client address, kept in PostgreSQL so that
 * throttling holds across several app instances.
 */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * A gestionnaire's perimeter: the départements whose applications they see (an application is
 * in a département when one of its zone wishes is). No row: the whole académie. Admins always
 * see the whole académie.
 */
export const staffDepartements = pgTable(
  "staff_departements",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    departement: text("departement").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departement] })],
);

/**
 * One-time recovery codes of a candidate without email (shown once at registration or when
 * regenerated from "Mon compte"): salted scrypt hashes, like staff codes — a copy of the table
 * gives nothing to replay. Codes issued before migration 0013 are still SHA-256 rows of
 * `tokens` (purpose recovery_code) until the candidate regenerates them.
 */
export const candidateRecoveryCodes = pgTable(
  "candidate_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("candidate_recovery_codes_user_idx").on(t.userId)],
);
