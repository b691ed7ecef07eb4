DROP INDEX "opportunities_impact_idx";--> statement-breakpoint
DROP INDEX "opportunities_rung_idx";--> statement-breakpoint
CREATE INDEX "actions_archived_idx" ON "actions" USING btree ("municipality_id","id") WHERE "actions"."archived_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opportunities_rung_idx" ON "opportunities" USING btree ("municipality_id","rung","created_at");