CREATE TABLE "climate_plan_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" integer NOT NULL,
	"text" text NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"plan_action_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_agreements_outcome_valid" CHECK ("climate_plan_agreements"."outcome" IN ('open', 'action', 'task'))
);
--> statement-breakpoint
CREATE TABLE "climate_plan_department_staff" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"department_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_department_staff_municipality_id_user_id_pk" PRIMARY KEY("municipality_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "climate_plan_diagnosis_answers" (
	"municipality_id" uuid NOT NULL,
	"round_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_diagnosis_answers_round_id_department_id_pk" PRIMARY KEY("round_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "climate_plan_diagnosis_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "climate_plan_meeting_participants" (
	"municipality_id" uuid NOT NULL,
	"meeting_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"department_id" integer,
	CONSTRAINT "climate_plan_meeting_participants_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "climate_plan_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"department_id" integer,
	"team_id" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_meetings_kind_valid" CHECK ("climate_plan_meetings"."kind" IN ('relaunch_day', 'lunch_talk', 'team_meeting'))
);
--> statement-breakpoint
CREATE TABLE "climate_plan_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"agreement_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_tasks_status_valid" CHECK ("climate_plan_tasks"."status" IN ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "climate_plan_team_members" (
	"municipality_id" uuid NOT NULL,
	"team_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_plan_team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "climate_plan_teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"theme_id" integer,
	"lead_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "climate_plan_agreements" ADD CONSTRAINT "climate_plan_agreements_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_agreements" ADD CONSTRAINT "climate_plan_agreements_meeting_id_climate_plan_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."climate_plan_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_agreements" ADD CONSTRAINT "climate_plan_agreements_plan_action_id_climate_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."climate_plan_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_department_staff" ADD CONSTRAINT "climate_plan_department_staff_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_department_staff" ADD CONSTRAINT "climate_plan_department_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_department_staff" ADD CONSTRAINT "climate_plan_department_staff_department_id_climate_plan_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."climate_plan_departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_diagnosis_answers" ADD CONSTRAINT "climate_plan_diagnosis_answers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_diagnosis_answers" ADD CONSTRAINT "climate_plan_diagnosis_answers_round_id_climate_plan_diagnosis_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."climate_plan_diagnosis_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_diagnosis_answers" ADD CONSTRAINT "climate_plan_diagnosis_answers_department_id_climate_plan_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."climate_plan_departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_diagnosis_answers" ADD CONSTRAINT "climate_plan_diagnosis_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_diagnosis_rounds" ADD CONSTRAINT "climate_plan_diagnosis_rounds_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meeting_participants" ADD CONSTRAINT "climate_plan_meeting_participants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meeting_participants" ADD CONSTRAINT "climate_plan_meeting_participants_meeting_id_climate_plan_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."climate_plan_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meeting_participants" ADD CONSTRAINT "climate_plan_meeting_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meeting_participants" ADD CONSTRAINT "climate_plan_meeting_participants_department_id_climate_plan_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."climate_plan_departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meetings" ADD CONSTRAINT "climate_plan_meetings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meetings" ADD CONSTRAINT "climate_plan_meetings_department_id_climate_plan_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."climate_plan_departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meetings" ADD CONSTRAINT "climate_plan_meetings_team_id_climate_plan_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."climate_plan_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_meetings" ADD CONSTRAINT "climate_plan_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_tasks" ADD CONSTRAINT "climate_plan_tasks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_tasks" ADD CONSTRAINT "climate_plan_tasks_agreement_id_climate_plan_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."climate_plan_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_tasks" ADD CONSTRAINT "climate_plan_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_team_members" ADD CONSTRAINT "climate_plan_team_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_team_members" ADD CONSTRAINT "climate_plan_team_members_team_id_climate_plan_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."climate_plan_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_team_members" ADD CONSTRAINT "climate_plan_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_teams" ADD CONSTRAINT "climate_plan_teams_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_teams" ADD CONSTRAINT "climate_plan_teams_theme_id_climate_plan_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."climate_plan_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_plan_teams" ADD CONSTRAINT "climate_plan_teams_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "climate_plan_agreements_municipality_idx" ON "climate_plan_agreements" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_plan_agreements_plan_action_key" ON "climate_plan_agreements" USING btree ("plan_action_id");--> statement-breakpoint
CREATE INDEX "climate_plan_department_staff_department_idx" ON "climate_plan_department_staff" USING btree ("municipality_id","department_id");--> statement-breakpoint
CREATE INDEX "climate_plan_diagnosis_answers_municipality_idx" ON "climate_plan_diagnosis_answers" USING btree ("municipality_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_plan_diagnosis_rounds_name_key" ON "climate_plan_diagnosis_rounds" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "climate_plan_meeting_participants_municipality_idx" ON "climate_plan_meeting_participants" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE INDEX "climate_plan_meetings_municipality_idx" ON "climate_plan_meetings" USING btree ("municipality_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_plan_tasks_agreement_key" ON "climate_plan_tasks" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "climate_plan_tasks_owner_idx" ON "climate_plan_tasks" USING btree ("municipality_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "climate_plan_team_members_municipality_idx" ON "climate_plan_team_members" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_plan_teams_name_key" ON "climate_plan_teams" USING btree ("municipality_id",lower("name"));