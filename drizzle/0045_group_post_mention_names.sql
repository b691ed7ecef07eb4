-- The name a mention was written with (groups.mentions.ts); the mentions written before get the person's public name now.
ALTER TABLE "group_post_mentions" ADD COLUMN "name" text;--> statement-breakpoint
UPDATE "group_post_mentions" m SET "name" = u."display_name" FROM "users" u WHERE u."id" = m."user_id";--> statement-breakpoint
ALTER TABLE "group_post_mentions" ALTER COLUMN "name" SET NOT NULL;
