CREATE TABLE "event_officials" (
	"municipality_id" uuid NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_officials_event_id_user_id_pk" PRIMARY KEY("event_id","user_id"),
	CONSTRAINT "event_officials_role_valid" CHECK ("event_officials"."role" IN ('alderman', 'civilServant'))
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(meedoen_unaccent("events"."title" || ' ' || "events"."description" || ' ' || "events"."venue_name" || ' ' || "events"."address"))) STORED;--> statement-breakpoint
ALTER TABLE "event_officials" ADD CONSTRAINT "event_officials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_officials" ADD CONSTRAINT "event_officials_event_fk" FOREIGN KEY ("event_id","municipality_id") REFERENCES "public"."events"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_officials_event_idx" ON "event_officials" USING btree ("municipality_id","event_id");--> statement-breakpoint
CREATE INDEX "event_officials_user_idx" ON "event_officials" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_search_text_idx" ON "events" USING gin ("search_text" gin_trgm_ops);