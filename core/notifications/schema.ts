import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Core types ('reply', 'mention', …) or a plugin's '<pluginId>.<name>'. */
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, string | number>>().notNull().default({}),
    url: text('url').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Jobs that may run twice pass a key: the second insert is a no-op. */
    dedupeKey: text('dedupe_key'),
    /** Events that pile up while unread ("A and 2 others liked…") share one row per member and key. */
    groupKey: text('group_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id.desc().nullsFirst()),
    // the bell's unread count
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    // one unread row per group: the next event updates it; once read, a new row starts
    uniqueIndex('notifications_group_idx').on(t.userId, t.groupKey).where(sql`${t.groupKey} is not null and ${t.readAt} is null`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
