import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';

/**
 * Form submissions a member already made, by the random key their form carried: a retried or
 * double-clicked submission is answered with the first one's outcome instead of being done twice.
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    path: text('path').notNull(),
    /** Where the first submission redirected to; null while it runs, or when it answered in place (htmx). */
    location: text('location'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('form_submissions_created_idx').on(t.createdAt)],
);
