CREATE TABLE "citizen_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"rules" text DEFAULT '' NOT NULL,
	"budget_cents" integer DEFAULT 0 NOT NULL,
	"deadline" date,
	"confirm_signups" boolean DEFAULT false NOT NULL,
	"approval_threshold_cents" integer DEFAULT 25000 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"work_plan" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_groups_status_valid" CHECK ("citizen_groups"."status" IN ('draft', 'open', 'closed')),
	CONSTRAINT "citizen_groups_budget_valid" CHECK ("citizen_groups"."budget_cents" >= 0),
	CONSTRAINT "citizen_groups_threshold_valid" CHECK ("citizen_groups"."approval_threshold_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "group_expenses" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"description" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"category" text NOT NULL,
	"menu_item_id" integer,
	"receipt_id" uuid,
	"spent_on" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"refuse_reason" text,
	"submitted_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_expenses_amount_valid" CHECK ("group_expenses"."amount_cents" > 0),
	CONSTRAINT "group_expenses_status_valid" CHECK ("group_expenses"."status" IN ('submitted', 'approved', 'refused')),
	CONSTRAINT "group_expenses_category_valid" CHECK ("group_expenses"."category" IN ('material', 'rent', 'food', 'communication', 'transport', 'other'))
);
--> statement-breakpoint
CREATE TABLE "group_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_funding" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"status" text DEFAULT 'promised' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_funding_amount_valid" CHECK ("group_funding"."amount_cents" > 0),
	CONSTRAINT "group_funding_kind_valid" CHECK ("group_funding"."kind" IN ('sponsor', 'subsidy', 'crowdfunding')),
	CONSTRAINT "group_funding_status_valid" CHECK ("group_funding"."status" IN ('promised', 'received'))
);
--> statement-breakpoint
CREATE TABLE "group_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_by" uuid,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "group_members_status_valid" CHECK ("group_members"."status" IN ('pending', 'accepted', 'declined')),
	CONSTRAINT "group_members_role_valid" CHECK ("group_members"."role" IN ('member', 'coordinator'))
);
--> statement-breakpoint
CREATE TABLE "group_menu_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"action_id" integer,
	"picked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "group_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"thread_id" integer NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_subgroup_members" (
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"menu_item_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"coordinator" boolean DEFAULT false NOT NULL,
	CONSTRAINT "group_subgroup_members_menu_item_id_user_id_pk" PRIMARY KEY("menu_item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "group_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'todo' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_tasks_status_valid" CHECK ("group_tasks"."status" IN ('todo', 'doing', 'done'))
);
--> statement-breakpoint
CREATE TABLE "group_threads" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"group_id" integer NOT NULL,
	"title" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_post_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_groups" ADD CONSTRAINT "citizen_groups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_groups" ADD CONSTRAINT "citizen_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_expenses" ADD CONSTRAINT "group_expenses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_expenses" ADD CONSTRAINT "group_expenses_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_expenses" ADD CONSTRAINT "group_expenses_menu_item_id_group_menu_items_id_fk" FOREIGN KEY ("menu_item_id") REFERENCES "public"."group_menu_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_expenses" ADD CONSTRAINT "group_expenses_receipt_id_group_files_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."group_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_expenses" ADD CONSTRAINT "group_expenses_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_expenses" ADD CONSTRAINT "group_expenses_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_files" ADD CONSTRAINT "group_files_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_files" ADD CONSTRAINT "group_files_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_files" ADD CONSTRAINT "group_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_funding" ADD CONSTRAINT "group_funding_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_funding" ADD CONSTRAINT "group_funding_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_funding" ADD CONSTRAINT "group_funding_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_invitations" ADD CONSTRAINT "group_invitations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_invitations" ADD CONSTRAINT "group_invitations_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_invitations" ADD CONSTRAINT "group_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_invitations" ADD CONSTRAINT "group_invitations_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_menu_items" ADD CONSTRAINT "group_menu_items_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_menu_items" ADD CONSTRAINT "group_menu_items_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_menu_items" ADD CONSTRAINT "group_menu_items_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_notes" ADD CONSTRAINT "group_notes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_notes" ADD CONSTRAINT "group_notes_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_notes" ADD CONSTRAINT "group_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_thread_id_group_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."group_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_subgroup_members" ADD CONSTRAINT "group_subgroup_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_subgroup_members" ADD CONSTRAINT "group_subgroup_members_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_subgroup_members" ADD CONSTRAINT "group_subgroup_members_menu_item_id_group_menu_items_id_fk" FOREIGN KEY ("menu_item_id") REFERENCES "public"."group_menu_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_subgroup_members" ADD CONSTRAINT "group_subgroup_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_tasks" ADD CONSTRAINT "group_tasks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_tasks" ADD CONSTRAINT "group_tasks_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_tasks" ADD CONSTRAINT "group_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_tasks" ADD CONSTRAINT "group_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_threads" ADD CONSTRAINT "group_threads_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_threads" ADD CONSTRAINT "group_threads_group_id_citizen_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."citizen_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_threads" ADD CONSTRAINT "group_threads_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_groups_municipality_idx" ON "citizen_groups" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "group_expenses_group_idx" ON "group_expenses" USING btree ("municipality_id","group_id","status");--> statement-breakpoint
CREATE INDEX "group_expenses_submitter_idx" ON "group_expenses" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "group_files_group_idx" ON "group_files" USING btree ("municipality_id","group_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "group_files_uploader_idx" ON "group_files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "group_funding_group_idx" ON "group_funding" USING btree ("municipality_id","group_id");--> statement-breakpoint
CREATE INDEX "group_invitations_group_idx" ON "group_invitations" USING btree ("municipality_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_invitations_token_idx" ON "group_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("municipality_id","group_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_person_idx" ON "group_members" USING btree ("group_id","user_id");--> statement-breakpoint
CREATE INDEX "group_members_user_idx" ON "group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_menu_items_group_idx" ON "group_menu_items" USING btree ("municipality_id","group_id","position");--> statement-breakpoint
CREATE INDEX "group_notes_group_idx" ON "group_notes" USING btree ("municipality_id","group_id","created_at");--> statement-breakpoint
CREATE INDEX "group_posts_thread_idx" ON "group_posts" USING btree ("municipality_id","thread_id","created_at");--> statement-breakpoint
CREATE INDEX "group_posts_author_idx" ON "group_posts" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "group_subgroup_members_group_idx" ON "group_subgroup_members" USING btree ("municipality_id","group_id");--> statement-breakpoint
CREATE INDEX "group_subgroup_members_user_idx" ON "group_subgroup_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_tasks_group_idx" ON "group_tasks" USING btree ("municipality_id","group_id","status");--> statement-breakpoint
CREATE INDEX "group_threads_group_idx" ON "group_threads" USING btree ("municipality_id","group_id","last_post_at");