import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/** A private conversation (私信) between two or more members. */
export const conversations = pgTable('conversations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** Optional: untitled conversations are named after their participants. */
  title: text('title'),
  creatorId: integer('creator_id').references(() => users.id, { onDelete: 'set null' }),
  lastMessageId: integer('last_message_id').references((): AnyPgColumn => conversationMessages.id, { onDelete: 'set null' }),
  messageCount: integer('message_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Copied from the conversation on every message, so the inbox is one index range on this table. */
    lastMessageId: integer('last_message_id').notNull().default(0),
    /** Messages with a higher id are unread (0: none read). */
    lastReadMessageId: integer('last_read_message_id').notNull().default(0),
    leftAt: timestamp('left_at', { withTimezone: true }),
    muted: boolean('muted').notNull().default(false),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    // the inbox: a member's conversations, most recently active first (keyset on last_message_id)
    index('conversation_participants_inbox_idx').on(t.userId, t.lastMessageId.desc().nullsFirst()).where(sql`${t.leftAt} is null`),
  ],
);

export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conversationId: integer('conversation_id')
      .notNull()
      .references((): AnyPgColumn => conversations.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    raw: text('raw').notNull(),
    /** Sanitised HTML rendered at write time. */
    html: text('html').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // a conversation's messages in order, and unread counts (id > last read)
  (t) => [index('conversation_messages_conversation_idx').on(t.conversationId, t.id)],
);

/** A participant's report of a message: the only thing that lets staff read a conversation. */
export const conversationReports = pgTable(
  'conversation_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => conversationMessages.id, { onDelete: 'cascade' }),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversation_reports_message_reporter_idx').on(t.messageId, t.reporterId),
    // the staff access check: is anything in this conversation reported?
    index('conversation_reports_conversation_idx').on(t.conversationId),
  ],
);

/** A member who does not want private messages from another one. */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blockerId: integer('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: integer('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('user_blocks_blocked_idx').on(t.blockedId)],
);

export type Conversation = typeof conversations.$inferSelect;
export type ConversationParticipant = typeof conversationParticipants.$inferSelect;
export type ConversationMessage = typeof conversationMessages.$inferSelect;
export type ConversationReport = typeof conversationReports.$inferSelect;
