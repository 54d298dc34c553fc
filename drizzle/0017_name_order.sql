-- The staff list's order by name, kept on applications so that pages and "précédente /
-- suivante" walk an index instead of joining and sorting every candidate (404 ms a page on
-- 150 000 applications). Last name (usage, else birth) then first name, folded like the
-- search: « Émilie » sorts among the E, not after Z as lower() did under the C collation.
CREATE OR REPLACE FUNCTION aesh_sort_name(usage_name text, birth_name text, first_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT aesh_fold(coalesce(nullif(usage_name, ''), birth_name, '') || ' ' || coalesce(first_name, '')) $$;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "candidate_sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A new application (or one moved to another person) takes its candidate's key.
CREATE OR REPLACE FUNCTION applications_fill_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT aesh_sort_name(u.usage_name, u.birth_name, u.first_name) INTO NEW.candidate_sort_name FROM users u WHERE u.id = NEW.user_id;
  NEW.candidate_sort_name := coalesce(NEW.candidate_sort_name, '');
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER applications_fill_sort_name BEFORE INSERT OR UPDATE OF user_id, candidate_sort_name ON applications
FOR EACH ROW EXECUTE FUNCTION applications_fill_sort_name();--> statement-breakpoint
-- A person whose names change takes their applications' keys along.
CREATE OR REPLACE FUNCTION users_spread_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE applications SET candidate_sort_name = aesh_sort_name(NEW.usage_name, NEW.birth_name, NEW.first_name) WHERE user_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_spread_sort_name AFTER UPDATE OF usage_name, birth_name, first_name ON users
FOR EACH ROW WHEN (OLD.usage_name IS DISTINCT FROM NEW.usage_name OR OLD.birth_name IS DISTINCT FROM NEW.birth_name OR OLD.first_name IS DISTINCT FROM NEW.first_name)
EXECUTE FUNCTION users_spread_sort_name();--> statement-breakpoint
UPDATE applications a SET candidate_sort_name = aesh_sort_name(u.usage_name, u.birth_name, u.first_name) FROM users u WHERE u.id = a.user_id;--> statement-breakpoint
CREATE INDEX "applications_candidate_sort_name_id_idx" ON "applications" USING btree ("candidate_sort_name","id");
