import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { invites } from '../invites/schema.ts';

/** The entry questionnaire (入群问卷): questions admins ask at registration. */
export const entryQuestions = pgTable('entry_questions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  position: integer('position').notNull().default(0),
  prompt: text('prompt').notNull(),
  help: text('help').notNull().default(''),
  required: boolean('required').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registrationStatusEnum = pgEnum('registration_status', ['pending', 'approved', 'rejected']);

/** A questionnaire answer as given: the prompt is copied so later edits of the question do not rewrite it. */
export interface EntryAnswer {
  questionId: number;
  prompt: string;
  answer: string;
}

/**
 * Every registration through the onboarding flow. In approval mode the account is created only when staff
 * approve (the password hash waits here); otherwise the row records the answers of an accepted member.
 */
export const registrationRequests = pgTable(
  'registration_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    usernameKey: text('username_key').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    /** Cleared once decided: an account has its own copy, a rejected request needs none. */
    passwordHash: text('password_hash'),
    locale: text('locale'),
    answers: jsonb('answers').$type<EntryAnswer[]>().notNull().default([]),
    inviteId: integer('invite_id').references(() => invites.id, { onDelete: 'set null' }),
    status: registrationStatusEnum('status').notNull().default('pending'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedById: integer('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_requests_pending_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'pending'`),
    uniqueIndex('registration_requests_pending_username_idx').on(t.usernameKey).where(sql`${t.status} = 'pending'`),
    uniqueIndex('registration_requests_pending_email_idx').on(t.emailKey).where(sql`${t.status} = 'pending'`),
    index('registration_requests_user_idx').on(t.userId),
  ],
);

export type EntryQuestion = typeof entryQuestions.$inferSelect;
export type RegistrationRequest = typeof registrationRequests.$inferSelect;
