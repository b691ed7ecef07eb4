CREATE TABLE "event_report_suggestions" (
	"municipality_id" uuid NOT NULL,
	"event_id" integer NOT NULL,
	"suggestion_id" integer NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_report_suggestions_event_id_suggestion_id_pk" PRIMARY KEY("event_id","suggestion_id")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "report_attendance" integer;--> statement-breakpoint
ALTER TABLE "event_report_suggestions" ADD CONSTRAINT "event_report_suggestions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_report_suggestions" ADD CONSTRAINT "event_report_suggestions_event_fk" FOREIGN KEY ("event_id","municipality_id") REFERENCES "public"."events"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_report_suggestions_suggestion_idx" ON "event_report_suggestions" USING btree ("municipality_id","suggestion_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_report_attendance_nonnegative" CHECK ("events"."report_attendance" IS NULL OR "events"."report_attendance" >= 0);