import { date, index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/**
 * One row per member per day they were active (in the forum's time zone): the base of "days visited"
 * for trust levels and of DAU/WAU/MAU and retention in analytics. Written at most once a day per member.
 */
export const memberActiveDays = pgTable(
  'member_active_days',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] }), index('member_active_days_day_idx').on(t.day)],
);
