CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- Lower case without accents, for the staff search ("Hélène" finds "helene" and "HELENE").
-- Upper-case accented letters are mapped too: lower() leaves them alone under the C collation.
CREATE OR REPLACE FUNCTION aesh_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$ SELECT translate(replace(replace(replace(replace(lower(value), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'àáâãäåāăąçćčďđèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşţťùúûüūůűýÿžźżÀÁÂÃÄÅĀĂĄÇĆČĎĐÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÕÖØŌŐŔŘŚŠŞŢŤÙÚÛÜŪŮŰÝŸŽŹŻ', 'aaaaaaaaacccddeeeeeeeeiiiiiilnnnoooooooorrsssttuuuuuuuyyzzzaaaaaaaaacccddeeeeeeeeiiiiiilnnnoooooooorrsssttuuuuuuuyyzzz') $$;--> statement-breakpoint
ALTER TYPE "public"."status_event_kind" ADD VALUE 'validity_extended';--> statement-breakpoint
CREATE TABLE "application_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" uuid,
	"from_staff" boolean NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "application_zones_zone_idx";--> statement-breakpoint
DROP INDEX "application_working_times_working_time_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "complete" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_text" text GENERATED ALWAYS AS (aesh_fold(coalesce(first_name, '') || ' ' || coalesce(usage_name, '') || ' ' || coalesce(birth_name, '') || ' ' || identifier || ' ' || coalesce(email, ''))) STORED;--> statement-breakpoint
ALTER TABLE "application_messages" ADD CONSTRAINT "application_messages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_messages" ADD CONSTRAINT "application_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_messages_application_idx" ON "application_messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "application_messages_unread_idx" ON "application_messages" USING btree ("application_id") WHERE "application_messages"."from_staff" = false and "application_messages"."read_at" is null;--> statement-breakpoint
CREATE INDEX "staff_sessions_user_idx" ON "staff_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_zones_zone_rank_idx" ON "application_zones" USING btree ("zone_id","rank");--> statement-breakpoint
CREATE INDEX "applications_status_complete_idx" ON "applications" USING btree ("status","complete");--> statement-breakpoint
CREATE INDEX "applications_ine_idx" ON "applications" USING btree ("ine");--> statement-breakpoint
CREATE INDEX "users_search_text_idx" ON "users" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "application_working_times_working_time_idx" ON "application_working_times" USING btree ("working_time_id","rank");--> statement-breakpoint
-- One-time backfill of applications.complete; from now on lib/applications keeps it in step
-- with missingItems (refreshCompleteness) in the transaction of every change.
UPDATE "applications" AS a SET "complete" = (
  (NOT pt.requires_teaching_type OR EXISTS (SELECT 1 FROM application_teaching_types x WHERE x.application_id = a.id))
  AND (NOT pt.requires_zone OR EXISTS (SELECT 1 FROM application_zones x WHERE x.application_id = a.id))
  AND (NOT pt.requires_working_time OR EXISTS (SELECT 1 FROM application_working_times x WHERE x.application_id = a.id))
  AND (NOT pt.requires_university OR (btrim(coalesce(a.university, '')) <> '' AND btrim(coalesce(a.curriculum, '')) <> '' AND btrim(coalesce(a.level, '')) <> ''))
  AND NOT EXISTS (
    SELECT 1 FROM attachment_types t
    WHERE t.post_type_id = a.post_type_id AND t.required AND t.active
      AND NOT EXISTS (
        SELECT 1 FROM application_attachments aa JOIN files f ON f.id = aa.file_id
        WHERE aa.application_id = a.id AND aa.attachment_type_id = t.id AND f.status = 'ready'
      )
  )
) FROM post_types pt WHERE pt.id = a.post_type_id;
