ALTER TABLE "actions" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(meedoen_unaccent("actions"."title" || ' ' || "actions"."summary" || ' ' || "actions"."body"))) STORED;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(meedoen_unaccent("opportunities"."title" || ' ' || "opportunities"."how_to"))) STORED;--> statement-breakpoint
CREATE INDEX "actions_search_text_idx" ON "actions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_search_text_idx" ON "opportunities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "suggestions_search_text_idx" ON "suggestions" USING gin (lower(meedoen_unaccent("title" || ' ' || "body")) gin_trgm_ops);