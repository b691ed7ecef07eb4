CREATE TABLE "offline_interests" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"agreed_on" date NOT NULL,
	"agreed_how" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_invitations" DROP CONSTRAINT "event_invitations_audience_valid";--> statement-breakpoint
ALTER TABLE "offline_interests" ADD CONSTRAINT "offline_interests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offline_interests" ADD CONSTRAINT "offline_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offline_interests" ADD CONSTRAINT "offline_interests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "offline_interests_email_key" ON "offline_interests" USING btree ("municipality_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "offline_interests_user_key" ON "offline_interests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "offline_interests_recorded_idx" ON "offline_interests" USING btree ("municipality_id","recorded_at");--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_audience_valid" CHECK ("event_invitations"."audience" IN ('pool', 'poolThemes', 'active', 'earlierEvents', 'suggestions', 'offline'));