CREATE TABLE "badges_badges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badges_badges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"name" text,
	"description" text,
	"tier" text DEFAULT 'bronze' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badges_badges_tier_check" CHECK ("badges_badges"."tier" in ('gold', 'silver', 'bronze'))
);
--> statement-breakpoint
CREATE TABLE "badges_checkins" (
	"user_id" integer NOT NULL,
	"day" date NOT NULL,
	"streak" integer NOT NULL,
	"points" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badges_checkins_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "badges_grants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badges_grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"badge_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"granted_by_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badges_ledger" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badges_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"source_type" text,
	"source_id" integer,
	"actor_id" integer,
	"note" text,
	"reverses_id" integer,
	"day" date NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badges_ledger_points_check" CHECK ("badges_ledger"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "badges_levels" (
	"level" integer PRIMARY KEY NOT NULL,
	"name" text,
	"min_points" integer NOT NULL,
	"badge_id" integer,
	CONSTRAINT "badges_levels_level_check" CHECK ("badges_levels"."level" >= 1),
	CONSTRAINT "badges_levels_min_points_check" CHECK ("badges_levels"."min_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "badges_members" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"lifetime" integer DEFAULT 0 NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	"streak" integer DEFAULT 0 NOT NULL,
	"longest_streak" integer DEFAULT 0 NOT NULL,
	"last_checkin_day" date,
	"checkin_count" integer DEFAULT 0 NOT NULL,
	"featured_badge_id" integer,
	"title" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badges_redemptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badges_redemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reward_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"cost" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"handled_by_id" integer,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badges_redemptions_status_check" CHECK ("badges_redemptions"."status" in ('pending', 'fulfilled', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "badges_rewards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badges_rewards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cost" integer NOT NULL,
	"stock" integer,
	"title" text,
	"badge_id" integer,
	"event_thread_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badges_rewards_kind_check" CHECK ("badges_rewards"."kind" in ('title', 'badge', 'event_seat', 'gift')),
	CONSTRAINT "badges_rewards_cost_check" CHECK ("badges_rewards"."cost" > 0),
	CONSTRAINT "badges_rewards_stock_check" CHECK ("badges_rewards"."stock" is null or "badges_rewards"."stock" >= 0)
);
--> statement-breakpoint
ALTER TABLE "badges_checkins" ADD CONSTRAINT "badges_checkins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_grants" ADD CONSTRAINT "badges_grants_badge_id_badges_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."badges_badges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_grants" ADD CONSTRAINT "badges_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_grants" ADD CONSTRAINT "badges_grants_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_ledger" ADD CONSTRAINT "badges_ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_ledger" ADD CONSTRAINT "badges_ledger_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_levels" ADD CONSTRAINT "badges_levels_badge_id_badges_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."badges_badges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_members" ADD CONSTRAINT "badges_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_members" ADD CONSTRAINT "badges_members_featured_badge_id_badges_badges_id_fk" FOREIGN KEY ("featured_badge_id") REFERENCES "public"."badges_badges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_redemptions" ADD CONSTRAINT "badges_redemptions_reward_id_badges_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."badges_rewards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_redemptions" ADD CONSTRAINT "badges_redemptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_redemptions" ADD CONSTRAINT "badges_redemptions_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges_rewards" ADD CONSTRAINT "badges_rewards_badge_id_badges_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."badges_badges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badges_badges_slug_idx" ON "badges_badges" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "badges_checkins_day_idx" ON "badges_checkins" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_grants_badge_user_idx" ON "badges_grants" USING btree ("badge_id","user_id");--> statement-breakpoint
CREATE INDEX "badges_grants_badge_idx" ON "badges_grants" USING btree ("badge_id","id");--> statement-breakpoint
CREATE INDEX "badges_grants_user_idx" ON "badges_grants" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_ledger_idempotency_idx" ON "badges_ledger" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "badges_ledger_user_idx" ON "badges_ledger" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "badges_ledger_cap_idx" ON "badges_ledger" USING btree ("user_id","reason","day");--> statement-breakpoint
CREATE INDEX "badges_ledger_day_idx" ON "badges_ledger" USING btree ("day","user_id");--> statement-breakpoint
CREATE INDEX "badges_ledger_source_idx" ON "badges_ledger" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_ledger_reverses_idx" ON "badges_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_levels_min_points_idx" ON "badges_levels" USING btree ("min_points");--> statement-breakpoint
CREATE INDEX "badges_members_lifetime_idx" ON "badges_members" USING btree ("lifetime" DESC NULLS LAST,"user_id");--> statement-breakpoint
CREATE INDEX "badges_members_longest_streak_idx" ON "badges_members" USING btree ("longest_streak" DESC NULLS LAST,"user_id");--> statement-breakpoint
CREATE INDEX "badges_redemptions_status_idx" ON "badges_redemptions" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "badges_redemptions_user_idx" ON "badges_redemptions" USING btree ("user_id","id");