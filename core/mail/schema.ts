import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/**
 * queued → sending → sent | failed (a failed row is claimed again by the next retry);
 * queued → outbox (no SMTP_URL) | cancelled (the member unsubscribed before it went out).
 */
export const mailStatusEnum = pgEnum('mail_status', ['outbox', 'queued', 'sending', 'sent', 'failed', 'cancelled']);

/** Every email the forum sends; with no SMTP_URL the rows stay here ('outbox') for admins to read. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    kind: text('kind').notNull(),
    status: mailStatusEnum('status').notNull(),
    /** The last delivery error. */
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** One logical mail (e.g. `digest:<userId>:<period>`) is stored once, however often it is queued. */
    dedupeKey: text('dedupe_key'),
    /** The member it is for, so their unsubscribe choice can be checked when it goes out. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Which unsubscribe choice stops it ('digest', 'replies', 'all'); null for account mail (password reset). */
    purpose: text('purpose'),
    /** Extra headers (List-Unsubscribe…), already made safe. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** When the current 'sending' attempt started: a worker that died leaves it behind, and it expires. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_created_idx').on(t.createdAt.desc().nullsFirst()),
    uniqueIndex('mail_messages_dedupe_idx').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    // the sweeper and the admin queue counts look only at unfinished rows
    index('mail_messages_pending_idx').on(t.status, t.createdAt).where(sql`${t.status} in ('queued', 'sending', 'failed')`),
  ],
);

export type MailMessage = typeof mailMessages.$inferSelect;
export type MailStatus = MailMessage['status'];
