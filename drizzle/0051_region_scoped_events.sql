ALTER TABLE "domain_events" ALTER COLUMN "municipality_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "municipality_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_events_region_idx" ON "domain_events" USING btree ("region_id","created_at") WHERE "domain_events"."region_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_scope" CHECK ("domain_events"."municipality_id" IS NOT NULL OR "domain_events"."region_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_scope" CHECK ("notifications"."municipality_id" IS NOT NULL OR "notifications"."region_id" IS NOT NULL);