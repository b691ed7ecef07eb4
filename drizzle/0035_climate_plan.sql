CREATE TABLE "climate_plan_action_departments" (
	"municipality_id" uuid NOT NULL,
	"plan_action_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	CONSTRAINT "climate_plan_action_departments_plan_action_id_department_id_pk" PRIMARY KEY("plan_action_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "climate_plan_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme_id" integer,
	"sector" text DEFAULT 'other' NOT NULL,
	"lead_department_id" integer,
	"responsible_id" uuid,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"budget_cents" bigint,
	"spent_cents" bigint,
	"co2_planned" double precision,
	"co2_achieved" double precision,
	"energy_savings_mwh" double precision,
	"renewable_mwh" double precision,
	"area_of_intervention" text DEFAULT '' NOT NULL,
	"policy_instrument" text DEFAULT '' NOT NULL,
	"origin" text DEFAULT '' NOT NULL,
	"public_action_id" integer,
	"public_parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_update_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_actions_code_key" UNIQUE("municipality_id","code"),
	CONSTRAINT "climate_plan_actions_status_valid" CHECK ("climate_plan_actions"."status" IN ('not_started', 'ongoing', 'completed', 'postponed', 'stopped')),
	CONSTRAINT "climate_plan_actions_priority_valid" CHECK ("climate_plan_actions"."priority" IN ('high', 'medium', 'low')),
	CONSTRAINT "climate_plan_actions_sector_valid" CHECK ("climate_plan_actions"."sector" IN ('municipal_buildings', 'tertiary_buildings', 'residential_buildings', 'public_lighting', 'industry', 'transport', 'local_electricity', 'local_heat_cold', 'other', 'adaptation')),
	CONSTRAINT "climate_plan_actions_amounts_valid" CHECK (coalesce("climate_plan_actions"."budget_cents", 0) >= 0 AND coalesce("climate_plan_actions"."spent_cents", 0) >= 0 AND coalesce("climate_plan_actions"."co2_planned", 0) >= 0 AND coalesce("climate_plan_actions"."co2_achieved", 0) >= 0 AND coalesce("climate_plan_actions"."energy_savings_mwh", 0) >= 0 AND coalesce("climate_plan_actions"."renewable_mwh", 0) >= 0),
	CONSTRAINT "climate_plan_actions_dates_valid" CHECK (("climate_plan_actions"."planned_start" IS NULL OR "climate_plan_actions"."planned_end" IS NULL OR "climate_plan_actions"."planned_start" <= "climate_plan_actions"."planned_end") AND ("climate_plan_actions"."actual_start" IS NULL OR "climate_plan_actions"."actual_end" IS NULL OR "climate_plan_actions"."actual_start" <= "climate_plan_actions"."actual_end"))
);
--> statement-breakpoint
CREATE TABLE "climate_plan_departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "climate_plan_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "climate_plan_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_action_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"target" double precision,
	"current" double precision,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "climate_plan_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_action_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "climate_plan_reminders" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_reminders_municipality_id_month_user_id_pk" PRIMARY KEY("municipality_id","month","user_id")
);
--> statement-breakpoint
CREATE TABLE "climate_plan_themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "climate_plan_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_action_id" integer NOT NULL,
	"author_id" uuid,
	"done" text NOT NULL,
	"blockers" text DEFAULT '' NOT NULL,
	"adjustment" text DEFAULT '' NOT NULL,
	"adjustment_reason" text DEFAULT '' NOT NULL,
	"status_after" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "climate_plan_views" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_views_name_key" UNIQUE("municipality_id","user_id","name")
);
--> statement-breakpoint
ALTER TABLE "climate_plan_action_departments" ADD CONSTRAINT "climate_plan_action_departments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_action_departments" ADD CONSTRAINT "climate_plan_action_departments_plan_action_id_climate_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."climate_plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_action_departments" ADD CONSTRAINT "climate_plan_action_departments_department_id_climate_plan_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."climate_plan_departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_actions" ADD CONSTRAINT "climate_plan_actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_actions" ADD CONSTRAINT "climate_plan_actions_theme_id_climate_plan_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."climate_plan_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_actions" ADD CONSTRAINT "climate_plan_actions_lead_department_id_climate_plan_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."climate_plan_departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_actions" ADD CONSTRAINT "climate_plan_actions_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_actions" ADD CONSTRAINT "climate_plan_actions_public_action_id_actions_id_fk" FOREIGN KEY ("public_action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_departments" ADD CONSTRAINT "climate_plan_departments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_imports" ADD CONSTRAINT "climate_plan_imports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_imports" ADD CONSTRAINT "climate_plan_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_indicators" ADD CONSTRAINT "climate_plan_indicators_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_indicators" ADD CONSTRAINT "climate_plan_indicators_plan_action_id_climate_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."climate_plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_milestones" ADD CONSTRAINT "climate_plan_milestones_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_milestones" ADD CONSTRAINT "climate_plan_milestones_plan_action_id_climate_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."climate_plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_reminders" ADD CONSTRAINT "climate_plan_reminders_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_reminders" ADD CONSTRAINT "climate_plan_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_themes" ADD CONSTRAINT "climate_plan_themes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_updates" ADD CONSTRAINT "climate_plan_updates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_updates" ADD CONSTRAINT "climate_plan_updates_plan_action_id_climate_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."climate_plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_updates" ADD CONSTRAINT "climate_plan_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_views" ADD CONSTRAINT "climate_plan_views_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_views" ADD CONSTRAINT "climate_plan_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "climate_plan_action_departments_municipality_idx" ON "climate_plan_action_departments" USING btree ("municipality_id","department_id");--> statement-breakpoint
CREATE INDEX "climate_plan_actions_municipality_idx" ON "climate_plan_actions" USING btree ("municipality_id","status","priority");--> statement-breakpoint
CREATE INDEX "climate_plan_actions_public_idx" ON "climate_plan_actions" USING btree ("municipality_id","public_action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_plan_departments_name_key" ON "climate_plan_departments" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "climate_plan_imports_municipality_idx" ON "climate_plan_imports" USING btree ("municipality_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "climate_plan_indicators_municipality_idx" ON "climate_plan_indicators" USING btree ("municipality_id","plan_action_id");--> statement-breakpoint
CREATE INDEX "climate_plan_milestones_municipality_idx" ON "climate_plan_milestones" USING btree ("municipality_id","plan_action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_plan_themes_name_key" ON "climate_plan_themes" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "climate_plan_updates_municipality_idx" ON "climate_plan_updates" USING btree ("municipality_id","plan_action_id","created_at");--> statement-breakpoint
CREATE INDEX "climate_plan_updates_author_idx" ON "climate_plan_updates" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "climate_plan_views_municipality_idx" ON "climate_plan_views" USING btree ("municipality_id","user_id");