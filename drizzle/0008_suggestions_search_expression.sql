-- Full-text search of suggestions on an expression index instead of a stored generated column, which
-- PostgreSQL recomputed on every UPDATE of a suggestion (each vote and comment rebuilt its Dutch text vector).
DROP INDEX "suggestions_search_idx";--> statement-breakpoint
CREATE INDEX "suggestions_search_idx" ON "suggestions" USING gin ((setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("title", ''))), 'A') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce("body", ''))), 'B')));--> statement-breakpoint
ALTER TABLE "suggestions" DROP COLUMN "search";