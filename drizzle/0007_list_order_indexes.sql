DROP INDEX "applications_submitted_at_idx";--> statement-breakpoint
CREATE INDEX "applications_submitted_at_id_idx" ON "applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_valid_until_id_idx" ON "applications" USING btree ("valid_until","id");