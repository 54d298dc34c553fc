ALTER TYPE "public"."token_purpose" ADD VALUE 'staff_invitation';--> statement-breakpoint
CREATE TABLE "staff_departements" (
	"user_id" uuid NOT NULL,
	"departement" text NOT NULL,
	CONSTRAINT "staff_departements_user_id_departement_pk" PRIMARY KEY("user_id","departement")
);
--> statement-breakpoint
ALTER TABLE "staff_departements" ADD CONSTRAINT "staff_departements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;