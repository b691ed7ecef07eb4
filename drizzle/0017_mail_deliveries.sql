CREATE TABLE "mail_deliveries" (
	"message_key" text NOT NULL,
	"recipient" text NOT NULL,
	"municipality_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_deliveries_message_key_recipient_pk" PRIMARY KEY("message_key","recipient"),
	CONSTRAINT "mail_deliveries_status_valid" CHECK ("mail_deliveries"."status" IN ('queued', 'sent', 'failed', 'bounced', 'suppressed'))
);
--> statement-breakpoint
CREATE TABLE "mail_suppressions" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_deliveries_recipient_idx" ON "mail_deliveries" USING btree ("recipient");--> statement-breakpoint
CREATE INDEX "mail_deliveries_municipality_idx" ON "mail_deliveries" USING btree ("municipality_id","created_at");--> statement-breakpoint
-- Mail jobs queued before the ledger existed get their row (and a key) so the job still delivers them.
DO $$ BEGIN
	IF to_regclass('pgboss.job') IS NOT NULL THEN
		UPDATE pgboss.job SET data = jsonb_set(data, '{reference}', to_jsonb('job:' || id::text))
			WHERE name = 'mail.send' AND state < 'completed' AND NOT (data ? 'reference');
		INSERT INTO mail_deliveries (message_key, recipient)
			SELECT data->>'reference', lower(data->>'to') FROM pgboss.job
			WHERE name = 'mail.send' AND state < 'completed'
			ON CONFLICT DO NOTHING;
	END IF;
END $$;
