CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"nis_code" text NOT NULL,
	"province" text NOT NULL,
	"arrondissement" text NOT NULL,
	"inhabitants" integer NOT NULL,
	"main_postcode" text NOT NULL,
	"center_lat" double precision NOT NULL,
	"center_lng" double precision NOT NULL,
	"participating" boolean DEFAULT false NOT NULL,
	"primary_color" text DEFAULT '#1f5f3f' NOT NULL,
	"accent_color" text DEFAULT '#f2c94c' NOT NULL,
	"logo_url" text,
	"website_url" text,
	"intro" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "municipalities_nis_code_unique" UNIQUE("nis_code"),
	CONSTRAINT "municipalities_nis_code_format" CHECK ("municipalities"."nis_code" ~ '^[0-9]{5}$'),
	CONSTRAINT "municipalities_slug_format" CHECK ("municipalities"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "municipalities_primary_color_format" CHECK ("municipalities"."primary_color" ~ '^#[0-9a-fA-F]{6}$'),
	CONSTRAINT "municipalities_accent_color_format" CHECK ("municipalities"."accent_color" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"default_key" text,
	"name" text NOT NULL,
	"description" text,
	"lekp_werf" text,
	"climate" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_municipality_slug_key" UNIQUE("municipality_id","slug"),
	CONSTRAINT "themes_lekp_werf_valid" CHECK ("themes"."lekp_werf" IS NULL OR "themes"."lekp_werf" IN ('renovation', 'renewableEnergy', 'mobility', 'climateAdaptation'))
);
--> statement-breakpoint
CREATE TABLE "platform_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipalities_region_idx" ON "municipalities" USING btree ("region_id","participating");--> statement-breakpoint
CREATE INDEX "themes_municipality_idx" ON "themes" USING btree ("municipality_id","position");