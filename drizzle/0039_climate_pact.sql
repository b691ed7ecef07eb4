CREATE TABLE "climate_pact_dwellings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"dwellings" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_pact_dwellings_positive" CHECK ("climate_pact_dwellings"."dwellings" > 0)
);
--> statement-breakpoint
CREATE TABLE "climate_pact_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"source" text NOT NULL,
	"action_id" integer,
	"event_id" integer,
	"kind" text NOT NULL,
	"quantity" double precision NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'verified' NOT NULL,
	"author_id" uuid,
	"photo_id" uuid,
	"refuse_reason" text,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_pact_outcomes_quantity_positive" CHECK ("climate_pact_outcomes"."quantity" > 0),
	CONSTRAINT "climate_pact_outcomes_from_2021" CHECK ("climate_pact_outcomes"."occurred_on" >= '2021-01-01'),
	CONSTRAINT "climate_pact_outcomes_source_valid" CHECK ("climate_pact_outcomes"."source" IN ('action', 'event', 'citizen')),
	CONSTRAINT "climate_pact_outcomes_status_valid" CHECK ("climate_pact_outcomes"."status" IN ('submitted', 'verified', 'refused')),
	CONSTRAINT "climate_pact_outcomes_kind_valid" CHECK ("climate_pact_outcomes"."kind" IN ('trees', 'hedges', 'unpaving', 'rainwater', 'cyclePaths', 'chargingPoints', 'energyProjects', 'renovations'))
);
--> statement-breakpoint
ALTER TABLE "climate_pact_dwellings" ADD CONSTRAINT "climate_pact_dwellings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_dwellings" ADD CONSTRAINT "climate_pact_dwellings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_outcomes" ADD CONSTRAINT "climate_pact_outcomes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_outcomes" ADD CONSTRAINT "climate_pact_outcomes_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_outcomes" ADD CONSTRAINT "climate_pact_outcomes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_outcomes" ADD CONSTRAINT "climate_pact_outcomes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_outcomes" ADD CONSTRAINT "climate_pact_outcomes_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_pact_outcomes" ADD CONSTRAINT "climate_pact_outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "climate_pact_outcomes_municipality_idx" ON "climate_pact_outcomes" USING btree ("municipality_id","status","occurred_on");--> statement-breakpoint
CREATE INDEX "climate_pact_outcomes_author_idx" ON "climate_pact_outcomes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "climate_pact_outcomes_photo_idx" ON "climate_pact_outcomes" USING btree ("photo_id");