CREATE TABLE "climate_plan_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"period_start" timestamp with time zone,
	"statuses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"action_count" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "climate_plan_reports" ADD CONSTRAINT "climate_plan_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_reports" ADD CONSTRAINT "climate_plan_reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "climate_plan_reports_municipality_idx" ON "climate_plan_reports" USING btree ("municipality_id","issued_at");