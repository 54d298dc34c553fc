ALTER TABLE "email_outbox" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_user_idx" ON "email_outbox" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "email_outbox_sent_at_idx" ON "email_outbox" USING btree ("sent_at");--> statement-breakpoint
-- Mails already in the outbox belong to the account at their address.
UPDATE "email_outbox" o SET "user_id" = u."id" FROM "users" u WHERE u."email" = o."to_address";--> statement-breakpoint
-- A delivered (or abandoned) mail keeps no body: its links would still work for whoever reads the table.
UPDATE "email_outbox" SET "html" = '', "text" = '' WHERE "status" <> 'pending';--> statement-breakpoint
-- The journal stays append-only, with one exception the right to erasure requires: an update
-- may only remove personal data from a row — the actor's label replaced by the fixed
-- pseudonym, the address emptied, keys taken out of `details` — and nothing else.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND NEW."id" = OLD."id"
    AND NEW."actor_id" IS NOT DISTINCT FROM OLD."actor_id"
    AND NEW."action" = OLD."action"
    AND NEW."entity_type" = OLD."entity_type"
    AND NEW."entity_id" IS NOT DISTINCT FROM OLD."entity_id"
    AND NEW."created_at" = OLD."created_at"
    AND (NEW."actor_label" = OLD."actor_label" OR NEW."actor_label" = 'personne (données effacées)')
    AND (NEW."address" IS NULL OR NEW."address" = OLD."address")
    AND (NEW."details" IS NOT DISTINCT FROM OLD."details" OR (OLD."details" IS NOT NULL AND OLD."details" @> COALESCE(NEW."details", '{}'::jsonb)))
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END
$$;
