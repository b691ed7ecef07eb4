CREATE TABLE "event_checklist_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"email" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_checklist_items_text_length" CHECK (char_length("event_checklist_items"."text") BETWEEN 1 AND 300)
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "briefed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_checklist_items" ADD CONSTRAINT "event_checklist_items_event_fk" FOREIGN KEY ("event_id","municipality_id") REFERENCES "public"."events"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_checklist_items_event_idx" ON "event_checklist_items" USING btree ("municipality_id","event_id","position");