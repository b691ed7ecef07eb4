-- A vote's municipality and opportunity are its suggestion's: one composite foreign key instead of three, so a
-- vote no longer locks (FOR KEY SHARE) the municipality's and the opportunity's rows that all votes share.
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_place_key" UNIQUE("id","municipality_id","opportunity_id");
--> statement-breakpoint
ALTER TABLE "suggestion_votes" DROP CONSTRAINT "suggestion_votes_municipality_id_municipalities_id_fk";
--> statement-breakpoint
ALTER TABLE "suggestion_votes" DROP CONSTRAINT "suggestion_votes_opportunity_id_opportunities_id_fk";
--> statement-breakpoint
ALTER TABLE "suggestion_votes" DROP CONSTRAINT "suggestion_votes_suggestion_id_suggestions_id_fk";
--> statement-breakpoint
ALTER TABLE "suggestion_votes" ADD CONSTRAINT "suggestion_votes_suggestion_fk" FOREIGN KEY ("suggestion_id","municipality_id","opportunity_id") REFERENCES "public"."suggestions"("id","municipality_id","opportunity_id") ON DELETE cascade ON UPDATE cascade;
