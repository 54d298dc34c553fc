ALTER TYPE "public"."deletion_reason" ADD VALUE 'retention';--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "retention_notice_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "retention_notice_sent_at" timestamp with time zone;