CREATE TABLE "event_deliveries" (
	"handler" text NOT NULL,
	"event_id" bigint NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_deliveries_handler_event_id_pk" PRIMARY KEY("handler","event_id")
);
--> statement-breakpoint
DROP INDEX "domain_events_pending_idx";--> statement-breakpoint
-- Events written before this migration: the subject kind is the part of the name before the dot, except an
-- action update's; none of them was handed to a handler yet.
UPDATE "domain_events" SET "subject_id" = "id"::text WHERE "subject_id" IS NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ALTER COLUMN "subject_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "subject_kind" text;--> statement-breakpoint
UPDATE "domain_events" SET "subject_kind" = CASE WHEN "type" = 'action.update_published' THEN 'action_update' ELSE split_part("type", '.', 1) END;--> statement-breakpoint
ALTER TABLE "domain_events" ALTER COLUMN "subject_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_domain_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."domain_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_deliveries_subject_idx" ON "event_deliveries" USING btree ("handler","subject_kind","subject_id","event_id");--> statement-breakpoint
CREATE INDEX "event_deliveries_due_idx" ON "event_deliveries" USING btree ("handler","next_attempt_at");--> statement-breakpoint
CREATE INDEX "domain_events_municipality_idx" ON "domain_events" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "domain_events_subject_idx" ON "domain_events" USING btree ("subject_kind","subject_id","id");--> statement-breakpoint
CREATE INDEX "domain_events_unprocessed_idx" ON "domain_events" USING btree ("id") WHERE "domain_events"."processed_at" IS NULL;