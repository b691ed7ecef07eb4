CREATE TABLE "event_registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" uuid,
	"name" text,
	"email" text,
	"companions" integer DEFAULT 0 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	CONSTRAINT "event_registrations_status_valid" CHECK ("event_registrations"."status" IN ('pending', 'confirmed', 'waitlisted', 'cancelled')),
	CONSTRAINT "event_registrations_who" CHECK ("event_registrations"."user_id" IS NOT NULL OR ("event_registrations"."email" IS NOT NULL AND "event_registrations"."name" IS NOT NULL)),
	CONSTRAINT "event_registrations_companions_nonnegative" CHECK ("event_registrations"."companions" >= 0),
	CONSTRAINT "event_registrations_queued" CHECK ("event_registrations"."status" IN ('pending', 'cancelled') OR "event_registrations"."queued_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" integer,
	"opportunity_id" integer,
	"kind" text NOT NULL,
	"rung" text NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"accessibility" text DEFAULT '' NOT NULL,
	"what_to_bring" text DEFAULT '' NOT NULL,
	"online_url" text,
	"organiser" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"registration_deadline" timestamp with time zone,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_companions" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"uid" text NOT NULL,
	"report" text,
	"report_published_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_tenant_key" UNIQUE("id","municipality_id"),
	CONSTRAINT "events_kind_valid" CHECK ("events"."kind" IN ('workingGroup', 'actionDay', 'infoEvening', 'online', 'citizenGroupSession')),
	CONSTRAINT "events_rung_valid" CHECK ("events"."rung" IN ('inform', 'consult', 'advise', 'coproduce', 'codecide', 'selfManage')),
	CONSTRAINT "events_status_valid" CHECK ("events"."status" IN ('draft', 'published', 'cancelled')),
	CONSTRAINT "events_ends_after_start" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_place" CHECK (("events"."lat" IS NULL) = ("events"."lng" IS NULL)),
	CONSTRAINT "events_capacity_positive" CHECK ("events"."capacity" IS NULL OR "events"."capacity" > 0),
	CONSTRAINT "events_max_companions_range" CHECK ("events"."max_companions" >= 0 AND "events"."max_companions" <= 20),
	CONSTRAINT "events_sequence_nonnegative" CHECK ("events"."sequence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_fk" FOREIGN KEY ("event_id","municipality_id") REFERENCES "public"."events"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_registrations_queue_idx" ON "event_registrations" USING btree ("municipality_id","event_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_token_key" ON "event_registrations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_user_key" ON "event_registrations" USING btree ("event_id","user_id") WHERE "event_registrations"."user_id" IS NOT NULL AND "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_email_key" ON "event_registrations" USING btree ("event_id",lower("email")) WHERE "event_registrations"."email" IS NOT NULL AND "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "events_calendar_idx" ON "events" USING btree ("municipality_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "events_action_idx" ON "events" USING btree ("municipality_id","action_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_opportunity_idx" ON "events" USING btree ("municipality_id","opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_uid_key" ON "events" USING btree ("uid");