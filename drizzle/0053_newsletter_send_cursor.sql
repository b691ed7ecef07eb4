ALTER TABLE "newsletter_recipients" DROP CONSTRAINT "newsletter_recipients_newsletter_id_newsletters_id_fk";
--> statement-breakpoint
ALTER TABLE "newsletter_recipients" DROP CONSTRAINT "newsletter_recipients_municipality_id_municipalities_id_fk";
--> statement-breakpoint
DROP INDEX "newsletter_recipients_municipality_idx";--> statement-breakpoint
DROP INDEX "newsletter_recipients_waiting_idx";--> statement-breakpoint
ALTER TABLE "newsletters" ADD COLUMN "listed_parts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletters" ADD COLUMN "queued_through" uuid;--> statement-breakpoint
ALTER TABLE "newsletters" ADD CONSTRAINT "newsletters_id_municipality_unique" UNIQUE("id","municipality_id");--> statement-breakpoint
ALTER TABLE "newsletter_recipients" ADD CONSTRAINT "newsletter_recipients_newsletter_fk" FOREIGN KEY ("newsletter_id","municipality_id") REFERENCES "public"."newsletters"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_home_municipality_id_idx" ON "users" USING btree ("home_municipality_id","id");--> statement-breakpoint
ALTER TABLE "newsletter_recipients" DROP COLUMN "queued_at";
--> statement-breakpoint
-- A newsletter already going out or sent has its whole list (written in one statement before this migration);
-- one still going out goes on from the start of it, the delivery ledger refusing every mail already queued.
UPDATE "newsletters" SET "listed_parts" = 256 WHERE "status" IN ('sending', 'sent');
