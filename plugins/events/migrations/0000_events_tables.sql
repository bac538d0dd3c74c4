CREATE TABLE "events_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"thread_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"series_id" integer,
	"occurrence" integer DEFAULT 1 NOT NULL,
	"created_by_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"online_url" text,
	"venue" text,
	"capacity" integer,
	"rsvp_deadline" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_events_times_check" CHECK ("events_events"."ends_at" >= "events_events"."starts_at"),
	CONSTRAINT "events_events_capacity_check" CHECK ("events_events"."capacity" is null or "events_events"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "events_organisers" (
	"event_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "events_organisers_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "events_rsvps" (
	"event_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"status" text NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attended_at" timestamp with time zone,
	"attendance_marked_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_rsvps_event_id_user_id_pk" PRIMARY KEY("event_id","user_id"),
	CONSTRAINT "events_rsvps_status_check" CHECK ("events_rsvps"."status" in ('going', 'interested', 'not_going', 'waitlisted'))
);
--> statement-breakpoint
CREATE TABLE "events_series" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"thread_id" integer NOT NULL,
	"frequency" text NOT NULL,
	"occurrences" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_series_frequency_check" CHECK ("events_series"."frequency" in ('weekly', 'monthly'))
);
--> statement-breakpoint
ALTER TABLE "events_events" ADD CONSTRAINT "events_events_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_events" ADD CONSTRAINT "events_events_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_events" ADD CONSTRAINT "events_events_series_id_events_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."events_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_events" ADD CONSTRAINT "events_events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_organisers" ADD CONSTRAINT "events_organisers_event_id_events_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_organisers" ADD CONSTRAINT "events_organisers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_rsvps" ADD CONSTRAINT "events_rsvps_event_id_events_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_rsvps" ADD CONSTRAINT "events_rsvps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_rsvps" ADD CONSTRAINT "events_rsvps_attendance_marked_by_id_users_id_fk" FOREIGN KEY ("attendance_marked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_series" ADD CONSTRAINT "events_series_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_events_thread_idx" ON "events_events" USING btree ("thread_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_events_starts_idx" ON "events_events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_events_category_starts_idx" ON "events_events" USING btree ("category_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "events_organisers_user_idx" ON "events_organisers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_rsvps_event_status_idx" ON "events_rsvps" USING btree ("event_id","status","status_at");--> statement-breakpoint
CREATE INDEX "events_rsvps_user_idx" ON "events_rsvps" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_series_thread_idx" ON "events_series" USING btree ("thread_id");