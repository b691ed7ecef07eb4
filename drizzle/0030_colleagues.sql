ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role_valid";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_valid";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_valid";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "capacity" text DEFAULT 'participant' NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_user_id_subject_kind_subject_id_pk";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_subject_kind_subject_id_capacity_pk" PRIMARY KEY("user_id","subject_kind","subject_id","capacity");--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_capacity_valid" CHECK ("subscriptions"."capacity" IN ('participant', 'colleague'));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_valid" CHECK ("memberships"."role" IN ('moderator', 'communication', 'alderman', 'admin', 'colleague'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_valid" CHECK ("notification_preferences"."kind" IN ('own', 'following', 'themes', 'invitations', 'newsletters', 'colleague'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_valid" CHECK ("notifications"."kind" IN ('own', 'following', 'themes', 'invitations', 'newsletters', 'colleague'));