DROP INDEX "application_zones_zone_rank_idx";--> statement-breakpoint
CREATE INDEX "application_zones_zone_rank_idx" ON "application_zones" USING btree ("zone_id","rank","application_id");