import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { categories, posts, threads, users } from '../../core/plugins/api.ts';

/**
 * Q&A state of a question (a thread in a category where Q&A is on). Rows are created when a question
 * is asked, or on first need for threads older than the plugin (acceptance, reminders).
 */
export const qaQuestions = pgTable(
  'qa_questions',
  {
    threadId: integer('thread_id')
      .primaryKey()
      .references(() => threads.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    acceptedPostId: integer('accepted_post_id').references(() => posts.id, { onDelete: 'set null' }),
    acceptedById: integer('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** When the asker was reminded to accept an answer: at most once per question. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** When the auto-close job locked the thread after its acceptance. */
    autoClosedAt: timestamp('auto_closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('qa_questions_category_idx').on(t.categoryId),
    index('qa_questions_accepted_idx').on(t.acceptedAt).where(sql`${t.acceptedPostId} is not null and ${t.autoClosedAt} is null`),
  ],
);

/** The cached vote score of a post (answers, and the question itself); changed only under its row lock. */
export const qaScores = pgTable(
  'qa_scores',
  {
    postId: integer('post_id')
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    score: integer('score').notNull().default(0),
    upCount: integer('up_count').notNull().default(0),
    downCount: integer('down_count').notNull().default(0),
  },
  (t) => [index('qa_scores_thread_idx').on(t.threadId, t.score)],
);

/** One vote per member and post, enforced by the database. */
export const qaVotes = pgTable(
  'qa_votes',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('qa_votes_user_idx').on(t.userId), check('qa_votes_value_check', sql`${t.value} in (-1, 1)`)],
);

/** Short comments under a question or an answer: kept out of the thread's posts so answers stay answers. */
export const qaComments = pgTable(
  'qa_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('qa_comments_thread_idx').on(t.threadId, t.postId, t.id)],
);

export type QaQuestion = typeof qaQuestions.$inferSelect;
export type QaComment = typeof qaComments.$inferSelect;
