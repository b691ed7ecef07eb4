CREATE TABLE "subscriptions" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_user_id_subject_kind_subject_id_pk" PRIMARY KEY("user_id","subject_kind","subject_id"),
	CONSTRAINT "subscriptions_subject_kind_valid" CHECK ("subscriptions"."subject_kind" IN ('action', 'suggestion', 'event', 'group', 'theme'))
);
--> statement-breakpoint
-- Every follow of the two tables this one replaces is kept.
INSERT INTO "subscriptions" ("municipality_id", "user_id", "subject_kind", "subject_id", "created_at")
SELECT "municipality_id", "user_id", 'action', "action_id"::text, "created_at" FROM "action_follows"
UNION ALL
SELECT "municipality_id", "user_id", 'suggestion', "suggestion_id"::text, "created_at" FROM "suggestion_follows"
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "action_follows" CASCADE;--> statement-breakpoint
DROP TABLE "suggestion_follows" CASCADE;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscriptions_subject_idx" ON "subscriptions" USING btree ("municipality_id","subject_kind","subject_id");