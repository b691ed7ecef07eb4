DROP INDEX "suggestions_list_idx";--> statement-breakpoint
CREATE INDEX "suggestions_list_idx" ON "suggestions" USING btree ("municipality_id","opportunity_id","moderation");--> statement-breakpoint
-- Room on each page for a new row version: a vote then updates its suggestion in place (HOT), touching no index.
ALTER TABLE "suggestions" SET (fillfactor = 85);
