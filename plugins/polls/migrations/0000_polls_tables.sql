CREATE TABLE "polls_choices" (
	"response_id" integer NOT NULL,
	"poll_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"option_id" integer NOT NULL,
	CONSTRAINT "polls_choices_response_id_option_id_pk" PRIMARY KEY("response_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "polls_draws" (
	"giveaway_id" integer PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"list_hash" text NOT NULL,
	"eligible_ids" integer[] NOT NULL,
	"winner_ids" integer[] NOT NULL,
	"algorithm" text NOT NULL,
	"drawn_by_id" integer,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polls_giveaways" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "polls_giveaways_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"thread_id" integer NOT NULL,
	"author_id" integer,
	"title" text NOT NULL,
	"winner_count" integer NOT NULL,
	"rule" text NOT NULL,
	"poll_id" integer,
	"registered_before" timestamp with time zone,
	"draw_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_giveaways_rule_check" CHECK ("polls_giveaways"."rule" in ('replied', 'voted', 'registered')),
	CONSTRAINT "polls_giveaways_winners_check" CHECK ("polls_giveaways"."winner_count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "polls_options" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "polls_options_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"poll_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"correct" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polls_polls" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "polls_polls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"thread_id" integer NOT NULL,
	"author_id" integer,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"results" text DEFAULT 'always' NOT NULL,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_polls_kind_check" CHECK ("polls_polls"."kind" in ('poll', 'survey', 'quiz')),
	CONSTRAINT "polls_polls_results_check" CHECK ("polls_polls"."results" in ('always', 'voted', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "polls_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "polls_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"poll_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"min_choices" integer DEFAULT 1 NOT NULL,
	"max_choices" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "polls_questions_kind_check" CHECK ("polls_questions"."kind" in ('single', 'multiple', 'text')),
	CONSTRAINT "polls_questions_choices_check" CHECK ("polls_questions"."min_choices" >= 0 and "polls_questions"."max_choices" >= "polls_questions"."min_choices")
);
--> statement-breakpoint
CREATE TABLE "polls_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "polls_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"poll_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"score" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polls_text_answers" (
	"response_id" integer NOT NULL,
	"poll_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "polls_text_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id"),
	CONSTRAINT "polls_text_answers_length_check" CHECK (char_length("polls_text_answers"."body") <= 500)
);
--> statement-breakpoint
ALTER TABLE "polls_choices" ADD CONSTRAINT "polls_choices_response_id_polls_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."polls_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_choices" ADD CONSTRAINT "polls_choices_poll_id_polls_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_choices" ADD CONSTRAINT "polls_choices_question_id_polls_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."polls_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_choices" ADD CONSTRAINT "polls_choices_option_id_polls_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."polls_options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_draws" ADD CONSTRAINT "polls_draws_giveaway_id_polls_giveaways_id_fk" FOREIGN KEY ("giveaway_id") REFERENCES "public"."polls_giveaways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_draws" ADD CONSTRAINT "polls_draws_drawn_by_id_users_id_fk" FOREIGN KEY ("drawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_giveaways" ADD CONSTRAINT "polls_giveaways_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_giveaways" ADD CONSTRAINT "polls_giveaways_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_giveaways" ADD CONSTRAINT "polls_giveaways_poll_id_polls_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls_polls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_options" ADD CONSTRAINT "polls_options_poll_id_polls_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_options" ADD CONSTRAINT "polls_options_question_id_polls_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."polls_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_polls" ADD CONSTRAINT "polls_polls_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_polls" ADD CONSTRAINT "polls_polls_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_questions" ADD CONSTRAINT "polls_questions_poll_id_polls_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_responses" ADD CONSTRAINT "polls_responses_poll_id_polls_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_responses" ADD CONSTRAINT "polls_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_text_answers" ADD CONSTRAINT "polls_text_answers_response_id_polls_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."polls_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_text_answers" ADD CONSTRAINT "polls_text_answers_poll_id_polls_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls_text_answers" ADD CONSTRAINT "polls_text_answers_question_id_polls_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."polls_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "polls_choices_poll_option_idx" ON "polls_choices" USING btree ("poll_id","option_id");--> statement-breakpoint
CREATE INDEX "polls_giveaways_thread_idx" ON "polls_giveaways" USING btree ("thread_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_options_question_position_idx" ON "polls_options" USING btree ("question_id","position");--> statement-breakpoint
CREATE INDEX "polls_options_poll_idx" ON "polls_options" USING btree ("poll_id");--> statement-breakpoint
CREATE INDEX "polls_polls_thread_idx" ON "polls_polls" USING btree ("thread_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_questions_poll_position_idx" ON "polls_questions" USING btree ("poll_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_responses_poll_user_idx" ON "polls_responses" USING btree ("poll_id","user_id");--> statement-breakpoint
CREATE INDEX "polls_responses_leaderboard_idx" ON "polls_responses" USING btree ("poll_id","score" DESC NULLS LAST,"created_at","id");--> statement-breakpoint
CREATE INDEX "polls_text_answers_poll_idx" ON "polls_text_answers" USING btree ("poll_id","question_id");