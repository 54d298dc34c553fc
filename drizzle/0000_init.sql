CREATE TYPE "public"."application_status" AS ENUM('submitted', 'in_review', 'recruited', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."file_purpose" AS ENUM('application_attachment', 'diploma');--> statement-breakpoint
CREATE TYPE "public"."file_status" AS ENUM('pending', 'ready', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."rqth_status" AS ENUM('yes', 'no', 'pending', 'undisclosed');--> statement-breakpoint
CREATE TYPE "public"."deletion_reason" AS ENUM('no_renewal_answer', 'candidate_request', 'account_deleted', 'staff');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."status_event_kind" AS ENUM('submitted', 'status_changed', 'renewal_notice_sent', 'renewal_reminder_sent', 'renewed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."civility" AS ENUM('madame', 'monsieur');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('email_verification', 'email_change', 'password_reset', 'recovery_code', 'renewal');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('candidate', 'gestionnaire', 'admin');--> statement-breakpoint
CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"attachment_type_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_teaching_types" (
	"application_id" uuid NOT NULL,
	"teaching_type_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "application_teaching_types_application_id_rank_pk" PRIMARY KEY("application_id","rank"),
	CONSTRAINT "application_teaching_types_rank_range" CHECK ("application_teaching_types"."rank" between 1 and 2)
);
--> statement-breakpoint
CREATE TABLE "application_working_times" (
	"application_id" uuid NOT NULL,
	"working_time_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "application_working_times_application_id_rank_pk" PRIMARY KEY("application_id","rank"),
	CONSTRAINT "application_working_times_rank_positive" CHECK ("application_working_times"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "application_zones" (
	"application_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "application_zones_application_id_rank_pk" PRIMARY KEY("application_id","rank"),
	CONSTRAINT "application_zones_rank_positive" CHECK ("application_zones"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"post_type_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"rqth" "rqth_status",
	"university" text,
	"component" text,
	"program" text,
	"curriculum" text,
	"level" text,
	"ine" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" date NOT NULL,
	"renewal_notice_sent_at" timestamp with time zone,
	"renewal_reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diplomas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"diploma_type_id" uuid NOT NULL,
	"obtained_on" date,
	"institution" text NOT NULL,
	"country" text NOT NULL,
	"city" text NOT NULL,
	"file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "file_purpose" NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"status" "file_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deleted_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_type_label" text NOT NULL,
	"status" "application_status" NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"valid_until" date NOT NULL,
	"renewal_notice_sent_at" timestamp with time zone,
	"reason" "deletion_reason" NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"related_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "staff_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "status_event_kind" NOT NULL,
	"from_status" "application_status",
	"to_status" "application_status",
	"actor_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachment_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_type_id" uuid NOT NULL,
	"label" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diploma_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"level" smallint,
	"rank" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diploma_types_level_range" CHECK ("diploma_types"."level" is null or "diploma_types"."level" between 3 and 8)
);
--> statement-breakpoint
CREATE TABLE "post_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"requires_teaching_type" boolean DEFAULT true NOT NULL,
	"requires_zone" boolean DEFAULT true NOT NULL,
	"requires_working_time" boolean DEFAULT true NOT NULL,
	"requires_university" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teaching_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_times" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"weekly_hours" numeric(4, 2),
	"percentage" smallint NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_times_percentage_range" CHECK ("working_times"."percentage" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"department" text NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"subject" text,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"email" text,
	"email_verified_at" timestamp with time zone,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'candidate' NOT NULL,
	"civility" "civility",
	"usage_name" text,
	"birth_name" text,
	"first_name" text,
	"birth_date" date,
	"birth_place" text,
	"nationality" text,
	"phone" text,
	"misc" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_attachment_type_id_attachment_types_id_fk" FOREIGN KEY ("attachment_type_id") REFERENCES "public"."attachment_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_teaching_types" ADD CONSTRAINT "application_teaching_types_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_teaching_types" ADD CONSTRAINT "application_teaching_types_teaching_type_id_teaching_types_id_fk" FOREIGN KEY ("teaching_type_id") REFERENCES "public"."teaching_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_working_times" ADD CONSTRAINT "application_working_times_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_working_times" ADD CONSTRAINT "application_working_times_working_time_id_working_times_id_fk" FOREIGN KEY ("working_time_id") REFERENCES "public"."working_times"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_zones" ADD CONSTRAINT "application_zones_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_zones" ADD CONSTRAINT "application_zones_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_post_type_id_post_types_id_fk" FOREIGN KEY ("post_type_id") REFERENCES "public"."post_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_diploma_type_id_diploma_types_id_fk" FOREIGN KEY ("diploma_type_id") REFERENCES "public"."diploma_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment_types" ADD CONSTRAINT "attachment_types_post_type_id_post_types_id_fk" FOREIGN KEY ("post_type_id") REFERENCES "public"."post_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_attachments_application_type_key" ON "application_attachments" USING btree ("application_id","attachment_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_attachments_file_key" ON "application_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "application_teaching_types_teaching_type_idx" ON "application_teaching_types" USING btree ("teaching_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_working_times_application_working_time_key" ON "application_working_times" USING btree ("application_id","working_time_id");--> statement-breakpoint
CREATE INDEX "application_working_times_working_time_idx" ON "application_working_times" USING btree ("working_time_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_zones_application_zone_key" ON "application_zones" USING btree ("application_id","zone_id");--> statement-breakpoint
CREATE INDEX "application_zones_zone_idx" ON "application_zones" USING btree ("zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_user_post_type_key" ON "applications" USING btree ("user_id","post_type_id");--> statement-breakpoint
CREATE INDEX "applications_status_valid_until_idx" ON "applications" USING btree ("status","valid_until");--> statement-breakpoint
CREATE INDEX "applications_post_type_status_idx" ON "applications" USING btree ("post_type_id","status");--> statement-breakpoint
CREATE INDEX "applications_submitted_at_idx" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "diplomas_user_idx" ON "diplomas" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_file_key" ON "diplomas" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "files_storage_key_key" ON "files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "files_user_idx" ON "files" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "files_status_created_at_idx" ON "files" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "deleted_applications_deleted_at_idx" ON "deleted_applications" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_related_idx" ON "email_outbox" USING btree ("related_id");--> statement-breakpoint
CREATE INDEX "staff_notes_application_idx" ON "staff_notes" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "status_events_application_idx" ON "status_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attachment_types_post_type_label_key" ON "attachment_types" USING btree ("post_type_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "diploma_types_label_key" ON "diploma_types" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "post_types_label_key" ON "post_types" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "teaching_types_label_key" ON "teaching_types" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "working_times_label_key" ON "working_times" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_code_key" ON "zones" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_label_key" ON "zones" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_token_hash_key" ON "tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "tokens_user_purpose_idx" ON "tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "users_identifier_key" ON "users" USING btree ("identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "users_birth_name_idx" ON "users" USING btree (lower("birth_name"));--> statement-breakpoint
CREATE INDEX "users_usage_name_idx" ON "users" USING btree (lower("usage_name"));