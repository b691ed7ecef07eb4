CREATE TABLE "open_data_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"licence" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open_data_settings" ADD CONSTRAINT "open_data_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;