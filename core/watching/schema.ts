import { index, integer, pgEnum, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { categories, threads } from '../forum/schema.ts';

/**
 * watching: notified of every reply (or every new thread, for a category); tracking: unread counts shown,
 * notified only when addressed; normal: notified only when addressed; muted: never notified.
 */
export const watchLevelEnum = pgEnum('watch_level', ['watching', 'tracking', 'normal', 'muted']);

export const threadWatches = pgTable(
  'thread_watches',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    level: watchLevelEnum('level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.threadId] }),
    // fan-out: who watches this thread
    index('thread_watches_thread_idx').on(t.threadId, t.level),
  ],
);

export const categoryWatches = pgTable(
  'category_watches',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    level: watchLevelEnum('level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.categoryId] }),
    // fan-out: who watches this category
    index('category_watches_category_idx').on(t.categoryId, t.level),
  ],
);

/** How far a member has read a thread: one row per member and thread, only ever moving forward. */
export const threadReads = pgTable(
  'thread_reads',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    lastReadPostNumber: integer('last_read_post_number').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export type WatchLevel = (typeof watchLevelEnum.enumValues)[number];
export const watchLevels = watchLevelEnum.enumValues;
