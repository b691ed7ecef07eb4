CREATE TABLE "group_lessons" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"voice" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposal_id" integer,
	"proposed_at" timestamp with time zone,
	CONSTRAINT "group_lessons_kind_valid" CHECK ("group_lessons"."kind" IN ('positive', 'lesson')),
	CONSTRAINT "group_lessons_voice_valid" CHECK ("group_lessons"."voice" IN ('municipality', 'citizens'))
);
--> statement-breakpoint
CREATE TABLE "group_session_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"trajectory_step_id" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_lessons" ADD CONSTRAINT "group_lessons_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_lessons" ADD CONSTRAINT "group_lessons_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_lessons" ADD CONSTRAINT "group_lessons_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_lessons" ADD CONSTRAINT "group_lessons_proposal_id_playbook_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."playbook_proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_notes" ADD CONSTRAINT "group_session_notes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_notes" ADD CONSTRAINT "group_session_notes_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_notes" ADD CONSTRAINT "group_session_notes_session_id_group_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_notes" ADD CONSTRAINT "group_session_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_trajectory_step_id_playbook_trajectory_steps_id_fk" FOREIGN KEY ("trajectory_step_id") REFERENCES "public"."playbook_trajectory_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_event_fk" FOREIGN KEY ("event_id","municipality_id") REFERENCES "public"."events"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_lessons_group_idx" ON "group_lessons" USING btree ("municipality_id","group_id","created_at");--> statement-breakpoint
CREATE INDEX "group_lessons_author_idx" ON "group_lessons" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "group_session_notes_session_idx" ON "group_session_notes" USING btree ("municipality_id","session_id","created_at");--> statement-breakpoint
CREATE INDEX "group_session_notes_author_idx" ON "group_session_notes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "group_sessions_group_idx" ON "group_sessions" USING btree ("municipality_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_sessions_event_key" ON "group_sessions" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_sessions_step_key" ON "group_sessions" USING btree ("group_id","trajectory_step_id");--> statement-breakpoint
CREATE INDEX "group_sessions_step_idx" ON "group_sessions" USING btree ("trajectory_step_id");