CREATE TABLE "funder_reviewer_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"email" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funder_reviewer_invitations" ADD CONSTRAINT "funder_reviewer_invitations_programme_id_funder_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funder_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reviewer_invitations" ADD CONSTRAINT "funder_reviewer_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funder_reviewer_invitations_key" ON "funder_reviewer_invitations" USING btree ("programme_id","email");--> statement-breakpoint
CREATE INDEX "funder_reviewer_invitations_email_idx" ON "funder_reviewer_invitations" USING btree ("email");