CREATE TABLE "funder_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"preset" text,
	"name" text NOT NULL,
	"funder" text NOT NULL,
	"threshold" integer DEFAULT 25 NOT NULL,
	"submitter" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funder_programmes_threshold" CHECK ("funder_programmes"."threshold" > 0 AND "funder_programmes"."threshold" <= 100)
);
--> statement-breakpoint
CREATE TABLE "funder_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"scope_key" text NOT NULL,
	"municipality_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"verdict" jsonb,
	"opened_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funder_reviewers" (
	"programme_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funder_reviewers_programme_id_user_id_pk" PRIMARY KEY("programme_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "funder_programmes" ADD CONSTRAINT "funder_programmes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_programme_id_funder_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funder_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reviewers" ADD CONSTRAINT "funder_reviewers_programme_id_funder_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funder_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reviewers" ADD CONSTRAINT "funder_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funder_programmes_region_idx" ON "funder_programmes" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funder_reports_key" ON "funder_reports" USING btree ("programme_id","period_key","scope_key");--> statement-breakpoint
CREATE INDEX "funder_reports_municipality_idx" ON "funder_reports" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "funder_reviewers_user_idx" ON "funder_reviewers" USING btree ("user_id");