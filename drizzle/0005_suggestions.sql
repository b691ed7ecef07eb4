CREATE TABLE "contribution_blocks" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"blocked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_blocks_municipality_id_user_id_pk" PRIMARY KEY("municipality_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"suggestion_id" integer NOT NULL,
	"parent_id" integer,
	"author_id" uuid,
	"body" text NOT NULL,
	"moderation" text DEFAULT 'pending' NOT NULL,
	"moderation_reason" text,
	"official" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_comments_moderation_valid" CHECK ("suggestion_comments"."moderation" IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "suggestion_follows" (
	"municipality_id" uuid NOT NULL,
	"suggestion_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_follows_suggestion_id_user_id_pk" PRIMARY KEY("suggestion_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"suggestion_id" integer NOT NULL,
	"comment_id" integer,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "suggestion_reports_reason_valid" CHECK ("suggestion_reports"."reason" IN ('spam', 'offensive', 'personalData', 'offTopic', 'duplicate', 'other'))
);
--> statement-breakpoint
CREATE TABLE "suggestion_settings" (
	"opportunity_id" integer PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"moderation" text DEFAULT 'pre' NOT NULL,
	"submissions_open" boolean DEFAULT true NOT NULL,
	"voting_open" boolean DEFAULT true NOT NULL,
	"vote_limit" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_settings_moderation_valid" CHECK ("suggestion_settings"."moderation" IN ('pre', 'post')),
	CONSTRAINT "suggestion_settings_vote_limit_positive" CHECK ("suggestion_settings"."vote_limit" IS NULL OR "suggestion_settings"."vote_limit" > 0)
);
--> statement-breakpoint
CREATE TABLE "suggestion_story" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"suggestion_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_story_kind_valid" CHECK ("suggestion_story"."kind" IN ('submitted', 'published', 'status', 'answered', 'merged'))
);
--> statement-breakpoint
CREATE TABLE "suggestion_votes" (
	"municipality_id" uuid NOT NULL,
	"opportunity_id" integer NOT NULL,
	"suggestion_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_votes_suggestion_id_user_id_pk" PRIMARY KEY("suggestion_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"opportunity_id" integer NOT NULL,
	"author_id" uuid,
	"theme_id" uuid,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"place_name" text,
	"lat" double precision,
	"lng" double precision,
	"x" double precision GENERATED ALWAYS AS (("suggestions"."lng" + 180.0) / 360.0) STORED,
	"y" double precision GENERATED ALWAYS AS ((1.0 - ln(tan(radians("suggestions"."lat")) + 1.0 / cos(radians("suggestions"."lat"))) / pi()) / 2.0) STORED,
	"image_id" uuid,
	"image_alt" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"moderation" text DEFAULT 'pending' NOT NULL,
	"moderation_reason" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"merged_into_id" integer,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("suggestions"."title", ''))), 'A') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("suggestions"."body", ''))), 'B')) STORED,
	CONSTRAINT "suggestions_status_valid" CHECK ("suggestions"."status" IN ('submitted', 'published', 'underReview', 'chosen', 'notChosen', 'inExecution', 'done')),
	CONSTRAINT "suggestions_moderation_valid" CHECK ("suggestions"."moderation" IN ('pending', 'approved', 'rejected')),
	CONSTRAINT "suggestions_place" CHECK (("suggestions"."lat" IS NULL) = ("suggestions"."lng" IS NULL)),
	CONSTRAINT "suggestions_image_alt_required" CHECK ("suggestions"."image_id" IS NULL OR length(trim("suggestions"."image_alt")) > 0),
	CONSTRAINT "suggestions_counts_nonnegative" CHECK ("suggestions"."vote_count" >= 0 AND "suggestions"."comment_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "contribution_blocks" ADD CONSTRAINT "contribution_blocks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_blocks" ADD CONSTRAINT "contribution_blocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_blocks" ADD CONSTRAINT "contribution_blocks_blocked_by_users_id_fk" FOREIGN KEY ("blocked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_comments" ADD CONSTRAINT "suggestion_comments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_comments" ADD CONSTRAINT "suggestion_comments_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_comments" ADD CONSTRAINT "suggestion_comments_parent_id_suggestion_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."suggestion_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_comments" ADD CONSTRAINT "suggestion_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_follows" ADD CONSTRAINT "suggestion_follows_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_follows" ADD CONSTRAINT "suggestion_follows_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_follows" ADD CONSTRAINT "suggestion_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_reports" ADD CONSTRAINT "suggestion_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_reports" ADD CONSTRAINT "suggestion_reports_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_reports" ADD CONSTRAINT "suggestion_reports_comment_id_suggestion_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."suggestion_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_reports" ADD CONSTRAINT "suggestion_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_reports" ADD CONSTRAINT "suggestion_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_settings" ADD CONSTRAINT "suggestion_settings_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_settings" ADD CONSTRAINT "suggestion_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_story" ADD CONSTRAINT "suggestion_story_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_story" ADD CONSTRAINT "suggestion_story_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_story" ADD CONSTRAINT "suggestion_story_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_votes" ADD CONSTRAINT "suggestion_votes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_votes" ADD CONSTRAINT "suggestion_votes_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_votes" ADD CONSTRAINT "suggestion_votes_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_votes" ADD CONSTRAINT "suggestion_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_merged_into_id_suggestions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."suggestions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_comments_suggestion_idx" ON "suggestion_comments" USING btree ("municipality_id","suggestion_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_comments_queue_idx" ON "suggestion_comments" USING btree ("municipality_id","moderation","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_comments_author_idx" ON "suggestion_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "suggestion_follows_user_idx" ON "suggestion_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "suggestion_follows_municipality_idx" ON "suggestion_follows" USING btree ("municipality_id","suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestion_reports_open_idx" ON "suggestion_reports" USING btree ("municipality_id","resolved_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_reports_once_idx" ON "suggestion_reports" USING btree ("reporter_id","suggestion_id",coalesce("comment_id", 0)) WHERE "suggestion_reports"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX "suggestion_settings_municipality_idx" ON "suggestion_settings" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "suggestion_story_suggestion_idx" ON "suggestion_story" USING btree ("municipality_id","suggestion_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_votes_person_idx" ON "suggestion_votes" USING btree ("municipality_id","opportunity_id","user_id");--> statement-breakpoint
CREATE INDEX "suggestion_votes_user_idx" ON "suggestion_votes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "suggestions_list_idx" ON "suggestions" USING btree ("municipality_id","opportunity_id","moderation","vote_count");--> statement-breakpoint
CREATE INDEX "suggestions_grid_idx" ON "suggestions" USING btree ("municipality_id","opportunity_id","x","y");--> statement-breakpoint
CREATE INDEX "suggestions_queue_idx" ON "suggestions" USING btree ("municipality_id","moderation","created_at");--> statement-breakpoint
CREATE INDEX "suggestions_author_idx" ON "suggestions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "suggestions_search_idx" ON "suggestions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "suggestions_title_trgm_idx" ON "suggestions" USING gin (lower("title") gin_trgm_ops);