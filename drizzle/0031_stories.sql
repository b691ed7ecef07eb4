CREATE TABLE "stories" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"author_id" uuid,
	"initiative" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"action_id" integer,
	"photo_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"placement" text,
	"update_id" integer,
	"reject_reason" text,
	"published_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_update_id_action_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."action_updates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stories_municipality_idx" ON "stories" USING btree ("municipality_id","status","created_at");--> statement-breakpoint
CREATE INDEX "stories_home_idx" ON "stories" USING btree ("municipality_id","placement","published_at");--> statement-breakpoint
CREATE INDEX "stories_author_idx" ON "stories" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "stories_photo_idx" ON "stories" USING btree ("photo_id");