CREATE TABLE "event_report_photos" (
	"media_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" integer NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_report_photos" ADD CONSTRAINT "event_report_photos_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_report_photos" ADD CONSTRAINT "event_report_photos_event_fk" FOREIGN KEY ("event_id","municipality_id") REFERENCES "public"."events"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_report_photos_position_idx" ON "event_report_photos" USING btree ("municipality_id","event_id","position");