CREATE TABLE "coached_municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"region_role_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coached_municipalities_role_municipality_key" UNIQUE("region_role_id","municipality_id")
);
--> statement-breakpoint
ALTER TABLE "coached_municipalities" ADD CONSTRAINT "coached_municipalities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coached_municipalities" ADD CONSTRAINT "coached_municipalities_region_role_id_region_roles_id_fk" FOREIGN KEY ("region_role_id") REFERENCES "public"."region_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coached_municipalities" ADD CONSTRAINT "coached_municipalities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coached_municipalities_municipality_idx" ON "coached_municipalities" USING btree ("municipality_id");