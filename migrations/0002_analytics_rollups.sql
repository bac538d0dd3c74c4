CREATE TABLE "analytics_cohort_weeks" (
	"cohort_week" date NOT NULL,
	"week_offset" smallint NOT NULL,
	"cohort" integer NOT NULL,
	"active" integer NOT NULL,
	CONSTRAINT "analytics_cohort_weeks_cohort_week_week_offset_pk" PRIMARY KEY("cohort_week","week_offset")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"members_total" integer NOT NULL,
	"new_members" integer NOT NULL,
	"new_invited" integer NOT NULL,
	"dau" integer NOT NULL,
	"wau" integer NOT NULL,
	"mau" integer NOT NULL,
	"posts" integer NOT NULL,
	"threads" integer NOT NULL,
	"replies" integer NOT NULL,
	"likes" integer NOT NULL,
	"featured_threads" integer NOT NULL,
	"lurkers" integer NOT NULL,
	"regulars" integer NOT NULL,
	"actives" integer NOT NULL,
	"cores" integer NOT NULL,
	"member_views" bigint NOT NULL,
	"guest_views" bigint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_categories" (
	"day" date NOT NULL,
	"category_id" integer NOT NULL,
	"posts" integer NOT NULL,
	"threads" integer NOT NULL,
	"replies" integer NOT NULL,
	"likes" integer NOT NULL,
	"featured_threads" integer NOT NULL,
	CONSTRAINT "analytics_daily_categories_day_category_id_pk" PRIMARY KEY("day","category_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_hours" (
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"actions" integer NOT NULL,
	CONSTRAINT "analytics_daily_hours_day_hour_pk" PRIMARY KEY("day","hour")
);
--> statement-breakpoint
CREATE TABLE "analytics_invited_members" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"inviter_id" integer,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_page_views" (
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_page_views_day_kind_pk" PRIMARY KEY("day","kind")
);
--> statement-breakpoint
CREATE TABLE "analytics_retention" (
	"join_day" date NOT NULL,
	"n" smallint NOT NULL,
	"cohort" integer NOT NULL,
	"retained" integer NOT NULL,
	CONSTRAINT "analytics_retention_join_day_n_pk" PRIMARY KEY("join_day","n")
);
--> statement-breakpoint
ALTER TABLE "analytics_daily_categories" ADD CONSTRAINT "analytics_daily_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_invited_members" ADD CONSTRAINT "analytics_invited_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_invited_members" ADD CONSTRAINT "analytics_invited_members_inviter_id_users_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_daily_categories_category_idx" ON "analytics_daily_categories" USING btree ("category_id","day");