CREATE TABLE "weekly_overviews" (
	"municipality_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"recipients" integer NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_overviews_municipality_id_week_start_pk" PRIMARY KEY("municipality_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "weekly_overviews" ADD CONSTRAINT "weekly_overviews_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;