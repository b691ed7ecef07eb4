CREATE TABLE "playbook_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"trajectory_step_id" integer,
	"step_key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "playbook_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"content" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_title" text,
	"published_summary" text,
	"published_theme" text,
	"published_content" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook_trajectories" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"template_id" uuid,
	"template_title" text NOT NULL,
	"template_version" integer NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"starts_on" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook_trajectory_phases" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"trajectory_id" integer NOT NULL,
	"position" integer NOT NULL,
	"phase_key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook_trajectory_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"trajectory_id" integer NOT NULL,
	"phase_id" integer NOT NULL,
	"position" integer NOT NULL,
	"step_key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"due_on" date NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"session" jsonb,
	"communication" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"session_starts_at" timestamp with time zone,
	"event_id" integer,
	"done_at" timestamp with time zone,
	"done_by" uuid
);
--> statement-breakpoint
ALTER TABLE "playbook_proposals" ADD CONSTRAINT "playbook_proposals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposals" ADD CONSTRAINT "playbook_proposals_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposals" ADD CONSTRAINT "playbook_proposals_template_id_playbook_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."playbook_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposals" ADD CONSTRAINT "playbook_proposals_trajectory_step_id_playbook_trajectory_steps_id_fk" FOREIGN KEY ("trajectory_step_id") REFERENCES "public"."playbook_trajectory_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposals" ADD CONSTRAINT "playbook_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposals" ADD CONSTRAINT "playbook_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_templates" ADD CONSTRAINT "playbook_templates_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_templates" ADD CONSTRAINT "playbook_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectories" ADD CONSTRAINT "playbook_trajectories_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectories" ADD CONSTRAINT "playbook_trajectories_template_id_playbook_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."playbook_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectories" ADD CONSTRAINT "playbook_trajectories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_phases" ADD CONSTRAINT "playbook_trajectory_phases_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_phases" ADD CONSTRAINT "playbook_trajectory_phases_trajectory_id_playbook_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."playbook_trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_steps" ADD CONSTRAINT "playbook_trajectory_steps_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_steps" ADD CONSTRAINT "playbook_trajectory_steps_trajectory_id_playbook_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."playbook_trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_steps" ADD CONSTRAINT "playbook_trajectory_steps_phase_id_playbook_trajectory_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."playbook_trajectory_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_steps" ADD CONSTRAINT "playbook_trajectory_steps_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_trajectory_steps" ADD CONSTRAINT "playbook_trajectory_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playbook_proposals_municipality_idx" ON "playbook_proposals" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "playbook_proposals_template_idx" ON "playbook_proposals" USING btree ("template_id","status");--> statement-breakpoint
CREATE INDEX "playbook_proposals_step_idx" ON "playbook_proposals" USING btree ("trajectory_step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_templates_slug_idx" ON "playbook_templates" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "playbook_templates_region_idx" ON "playbook_templates" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "playbook_trajectories_municipality_idx" ON "playbook_trajectories" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "playbook_trajectories_template_idx" ON "playbook_trajectories" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "playbook_trajectory_phases_idx" ON "playbook_trajectory_phases" USING btree ("municipality_id","trajectory_id","position");--> statement-breakpoint
CREATE INDEX "playbook_trajectory_steps_idx" ON "playbook_trajectory_steps" USING btree ("municipality_id","trajectory_id","position");--> statement-breakpoint
CREATE INDEX "playbook_trajectory_steps_event_idx" ON "playbook_trajectory_steps" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "playbook_trajectory_steps_done_by_idx" ON "playbook_trajectory_steps" USING btree ("done_by");