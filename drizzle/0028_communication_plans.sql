CREATE TABLE "communication_moments" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_moments_tenant_key" UNIQUE("id","municipality_id"),
	CONSTRAINT "communication_moments_kind_valid" CHECK ("communication_moments"."kind" IN ('announce', 'invite', 'remind', 'report'))
);
--> statement-breakpoint
CREATE TABLE "communication_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action_id" integer,
	"event_id" integer,
	"opportunity_id" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_plans_tenant_key" UNIQUE("id","municipality_id"),
	CONSTRAINT "communication_plans_one_subject" CHECK (num_nonnulls("communication_plans"."action_id", "communication_plans"."event_id", "communication_plans"."opportunity_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "communication_texts" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"moment_id" integer NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text,
	"short_code" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_texts_channel_valid" CHECK ("communication_texts"."channel" IN ('facebook', 'whatsapp', 'magazine', 'website', 'email')),
	CONSTRAINT "communication_texts_published" CHECK ("communication_texts"."published_at" IS NOT NULL OR "communication_texts"."published_by" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "communication_moments" ADD CONSTRAINT "communication_moments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_moments" ADD CONSTRAINT "communication_moments_plan_fk" FOREIGN KEY ("plan_id","municipality_id") REFERENCES "public"."communication_plans"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_plans" ADD CONSTRAINT "communication_plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_plans" ADD CONSTRAINT "communication_plans_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_plans" ADD CONSTRAINT "communication_plans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_plans" ADD CONSTRAINT "communication_plans_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_plans" ADD CONSTRAINT "communication_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_texts" ADD CONSTRAINT "communication_texts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_texts" ADD CONSTRAINT "communication_texts_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_texts" ADD CONSTRAINT "communication_texts_moment_fk" FOREIGN KEY ("moment_id","municipality_id") REFERENCES "public"."communication_moments"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communication_moments_due_idx" ON "communication_moments" USING btree ("municipality_id","due_on");--> statement-breakpoint
CREATE INDEX "communication_moments_plan_idx" ON "communication_moments" USING btree ("municipality_id","plan_id","due_on");--> statement-breakpoint
CREATE INDEX "communication_plans_municipality_idx" ON "communication_plans" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_plans_action_key" ON "communication_plans" USING btree ("action_id") WHERE "communication_plans"."action_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "communication_plans_event_key" ON "communication_plans" USING btree ("event_id") WHERE "communication_plans"."event_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "communication_plans_opportunity_key" ON "communication_plans" USING btree ("opportunity_id") WHERE "communication_plans"."opportunity_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "communication_texts_moment_idx" ON "communication_texts" USING btree ("municipality_id","moment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_texts_channel_key" ON "communication_texts" USING btree ("moment_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_texts_short_code_key" ON "communication_texts" USING btree ("short_code");