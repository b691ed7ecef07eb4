CREATE TABLE "widget_origins" (
	"municipality_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "widget_origins_municipality_id_origin_pk" PRIMARY KEY("municipality_id","origin")
);
--> statement-breakpoint
ALTER TABLE "widget_origins" ADD CONSTRAINT "widget_origins_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;