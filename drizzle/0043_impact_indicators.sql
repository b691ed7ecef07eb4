CREATE TABLE "impact_baselines" (
	"region_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"indicator_key" text NOT NULL,
	"value" double precision NOT NULL,
	"recorded_on" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_baselines_region_id_scope_key_indicator_key_pk" PRIMARY KEY("region_id","scope_key","indicator_key"),
	CONSTRAINT "impact_baselines_value" CHECK ("impact_baselines"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "impact_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"indicator_key" text NOT NULL,
	"value" double precision NOT NULL,
	"note" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_entries_value" CHECK ("impact_entries"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "impact_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"indicator_key" text NOT NULL,
	"day" date NOT NULL,
	"value" double precision,
	"note" text,
	"source" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_start_register" (
	"municipality_id" uuid NOT NULL,
	"action_id" integer NOT NULL,
	"title" text NOT NULL,
	"recorded_on" date NOT NULL,
	CONSTRAINT "impact_start_register_municipality_id_action_id_pk" PRIMARY KEY("municipality_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "impact_strategies" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agreements" text DEFAULT '' NOT NULL,
	"internal" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_targets" (
	"region_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"indicator_key" text NOT NULL,
	"target" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_targets_region_id_scope_key_indicator_key_pk" PRIMARY KEY("region_id","scope_key","indicator_key"),
	CONSTRAINT "impact_targets_positive" CHECK ("impact_targets"."target" > 0)
);
--> statement-breakpoint
ALTER TABLE "impact_baselines" ADD CONSTRAINT "impact_baselines_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_baselines" ADD CONSTRAINT "impact_baselines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_entries" ADD CONSTRAINT "impact_entries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_entries" ADD CONSTRAINT "impact_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_snapshots" ADD CONSTRAINT "impact_snapshots_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_start_register" ADD CONSTRAINT "impact_start_register_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_strategies" ADD CONSTRAINT "impact_strategies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_strategies" ADD CONSTRAINT "impact_strategies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_targets" ADD CONSTRAINT "impact_targets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_targets" ADD CONSTRAINT "impact_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impact_entries_scope_idx" ON "impact_entries" USING btree ("region_id","indicator_key","scope_key","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_snapshots_key" ON "impact_snapshots" USING btree ("region_id","scope_key","indicator_key","day");--> statement-breakpoint
CREATE INDEX "impact_snapshots_day_idx" ON "impact_snapshots" USING btree ("region_id","day");