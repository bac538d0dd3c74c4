import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The built-in engine's index, and the source of truth for what Meilisearch receives: one row per
 * searchable document (thread, reply, member profile, plugin document). Rows are derived from the
 * content tables by the index worker (core types) or written by plugins (api.search).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    /** `<type>-<sourceId>`: also the Meilisearch primary key (letters, digits, - and _ only). */
    docId: text('doc_id').primaryKey(),
    type: text('type').notNull(),
    sourceId: text('source_id').notNull(),
    title: text('title').notNull().default(''),
    /** Plain text (no markup), cut to a bounded length. */
    body: text('body').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    url: text('url').notNull(),
    /** Null: not tied to a category (member profiles); otherwise only viewers who can read it see the row. */
    categoryId: integer('category_id'),
    threadId: integer('thread_id'),
    authorId: integer('author_id'),
    authorName: text('author_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Plugin filter values (event date, price, solved…) by facet key. */
    facets: jsonb('facets').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    /** A plugin document whose thread is not visible right now (deleted, held, moved out of sight of everyone). */
    hidden: boolean('hidden').notNull().default(false),
    searchVector: tsvector('search_vector').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_vector_idx').using('gin', t.searchVector),
    index('search_documents_type_created_idx').on(t.type, t.createdAt.desc().nullsFirst()),
    index('search_documents_created_idx').on(t.createdAt.desc().nullsFirst()),
    index('search_documents_thread_idx').on(t.threadId),
    index('search_documents_author_idx').on(t.authorId),
  ],
);

/**
 * Durable outbox of content changes (written by database triggers in the same transaction as the
 * change, so no code path can forget it): the worker rebuilds the named entity's documents.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** thread | post | member */
    kind: text('kind').notNull(),
    refId: integer('ref_id').notNull(),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('search_outbox_enqueued_idx').on(t.enqueuedAt)],
);

/** Documents whose current state Meilisearch has not confirmed yet (only when MEILI_URL is set). */
export const searchEnginePending = pgTable(
  'search_engine_pending',
  {
    docId: text('doc_id').primaryKey(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [index('search_engine_pending_next_idx').on(t.nextAttemptAt)],
);

export type SearchDocumentRow = typeof searchDocuments.$inferSelect;
