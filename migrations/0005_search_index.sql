CREATE TABLE "search_documents" (
	"doc_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"source_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"url" text NOT NULL,
	"category_id" integer,
	"thread_id" integer,
	"author_id" integer,
	"author_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"facets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_engine_pending" (
	"doc_id" text PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"ref_id" integer NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "search_documents_type_created_idx" ON "search_documents" USING btree ("type","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_created_idx" ON "search_documents" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_thread_idx" ON "search_documents" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "search_documents_author_idx" ON "search_documents" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "search_engine_pending_next_idx" ON "search_engine_pending" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "search_outbox_enqueued_idx" ON "search_outbox" USING btree ("enqueued_at");