ALTER TABLE "post_types" ADD COLUMN "campaign_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "post_types" ADD COLUMN "closed_message" text;--> statement-breakpoint
-- The former académie-wide switch becomes each post type's: a closed campaign stays closed.
UPDATE "post_types" SET "campaign_open" = false WHERE EXISTS (SELECT 1 FROM "settings" WHERE "key" = 'campaignOpen' AND "value" = 'false'::jsonb);--> statement-breakpoint
DELETE FROM "settings" WHERE "key" = 'campaignOpen';
