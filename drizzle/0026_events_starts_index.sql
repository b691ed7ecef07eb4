DROP INDEX "events_calendar_idx";--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("municipality_id","starts_at","id");