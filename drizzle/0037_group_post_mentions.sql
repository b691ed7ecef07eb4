CREATE TABLE "group_post_mentions" (
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "group_post_mentions_post_id_user_id_pk" PRIMARY KEY("post_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "group_post_mentions" ADD CONSTRAINT "group_post_mentions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_post_mentions" ADD CONSTRAINT "group_post_mentions_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_post_mentions" ADD CONSTRAINT "group_post_mentions_post_id_group_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."group_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_post_mentions" ADD CONSTRAINT "group_post_mentions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_post_mentions_group_idx" ON "group_post_mentions" USING btree ("municipality_id","group_id");--> statement-breakpoint
CREATE INDEX "group_post_mentions_user_idx" ON "group_post_mentions" USING btree ("user_id");