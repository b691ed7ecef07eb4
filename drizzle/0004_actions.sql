-- Accent-folding for full-text search must be IMMUTABLE to be used in a generated column; unaccent() is only STABLE.
CREATE OR REPLACE FUNCTION meedoen_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
CREATE TABLE "action_follows" (
	"municipality_id" uuid NOT NULL,
	"action_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_follows_action_id_user_id_pk" PRIMARY KEY("action_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "action_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" integer NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"change" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_themes" (
	"municipality_id" uuid NOT NULL,
	"action_id" integer NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "action_themes_action_id_theme_id_pk" PRIMARY KEY("action_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "action_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"decided" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'idea' NOT NULL,
	"owner_kind" text DEFAULT 'department' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"place_name" text,
	"lat" double precision,
	"lng" double precision,
	"image_id" uuid,
	"image_alt" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("actions"."title", ''))), 'A') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("actions"."summary", ''))), 'B') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("actions"."body", ''))), 'C')) STORED,
	CONSTRAINT "actions_status_valid" CHECK ("actions"."status" IN ('idea', 'planned', 'inProgress', 'done', 'stopped')),
	CONSTRAINT "actions_owner_kind_valid" CHECK ("actions"."owner_kind" IN ('department', 'citizenGroup', 'partner')),
	CONSTRAINT "actions_image_alt_required" CHECK ("actions"."image_id" IS NULL OR length(trim("actions"."image_alt")) > 0)
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"type" text NOT NULL,
	"subject_id" text,
	"actor_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" integer NOT NULL,
	"title" text NOT NULL,
	"rung" text NOT NULL,
	"kind" text NOT NULL,
	"how_to" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_rung_valid" CHECK ("opportunities"."rung" IN ('inform', 'consult', 'advise', 'coproduce', 'codecide', 'selfManage')),
	CONSTRAINT "opportunities_kind_valid" CHECK ("opportunities"."kind" IN ('readUpdates', 'mapSuggestions', 'vote', 'survey', 'workingGroup', 'actionDay', 'volunteer', 'citizenGroup')),
	CONSTRAINT "opportunities_window" CHECK ("opportunities"."closes_at" IS NULL OR "opportunities"."opens_at" IS NULL OR "opportunities"."closes_at" > "opportunities"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "action_follows" ADD CONSTRAINT "action_follows_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_follows" ADD CONSTRAINT "action_follows_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_follows" ADD CONSTRAINT "action_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_history" ADD CONSTRAINT "action_history_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_history" ADD CONSTRAINT "action_history_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_history" ADD CONSTRAINT "action_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_themes" ADD CONSTRAINT "action_themes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_themes" ADD CONSTRAINT "action_themes_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_themes" ADD CONSTRAINT "action_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_follows_user_idx" ON "action_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "action_history_action_idx" ON "action_history" USING btree ("municipality_id","action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_themes_theme_idx" ON "action_themes" USING btree ("municipality_id","theme_id");--> statement-breakpoint
CREATE INDEX "action_updates_action_idx" ON "action_updates" USING btree ("municipality_id","action_id","published_at");--> statement-breakpoint
CREATE INDEX "actions_municipality_idx" ON "actions" USING btree ("municipality_id","status","published_at");--> statement-breakpoint
CREATE INDEX "actions_search_idx" ON "actions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "domain_events_pending_idx" ON "domain_events" USING btree ("municipality_id","processed_at","created_at");--> statement-breakpoint
CREATE INDEX "domain_events_type_idx" ON "domain_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "opportunities_action_idx" ON "opportunities" USING btree ("municipality_id","action_id","position");--> statement-breakpoint
CREATE INDEX "opportunities_rung_idx" ON "opportunities" USING btree ("municipality_id","rung");