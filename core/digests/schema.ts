import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

export const digestFrequencyEnum = pgEnum('digest_frequency', ['none', 'daily', 'weekly']);

/** What email a member wants. No row means the defaults below. */
export const emailPreferences = pgTable(
  'email_preferences',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    digest: digestFrequencyEnum('digest').notNull().default('weekly'),
    /** Local hour (the member's time zone, else the site's) at which the digest goes out. */
    digestHour: integer('digest_hour').notNull().default(8),
    /** Empty: every category the member can read. */
    digestCategories: integer('digest_categories').array().notNull().default(sql`'{}'::integer[]`),
    immediateReplies: boolean('immediate_replies').notNull().default(true),
    immediateMentions: boolean('immediate_mentions').notNull().default(true),
    immediateMessages: boolean('immediate_messages').notNull().default(true),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    /** The last period ('daily:2026-11-23', 'weekly:2026-W48') the digest job handled, sent or skipped. */
    lastDigestPeriod: text('last_digest_period'),
    unsubscribedAllAt: timestamp('unsubscribed_all_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('email_preferences_digest_hour_check', sql`${t.digestHour} between 0 and 23`)],
);

/**
 * Notifications already emailed. No foreign key: the notifications table belongs to its own domain, and a
 * grouped notification gets a new id when another event folds into it (which then counts as news again).
 */
export const notificationEmails = pgTable(
  'notification_emails',
  {
    notificationId: integer('notification_id').primaryKey(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // pruning old rows
  (t) => [index('notification_emails_sent_idx').on(t.sentAt)],
);

/** Where a scanning job stopped (the immediate-email job walks notifications by id). */
export const emailJobCursors = pgTable('email_job_cursors', {
  job: text('job').primaryKey(),
  lastId: integer('last_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type EmailPreferences = typeof emailPreferences.$inferSelect;
export type DigestFrequency = EmailPreferences['digest'];
