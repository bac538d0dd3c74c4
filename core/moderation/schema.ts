import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { conversationMessages } from '../conversations/schema.ts';
import { categories } from '../forum/schema.ts';

export const sanctionKindEnum = pgEnum('sanction_kind', ['warning', 'silence', 'suspend', 'ban']);
export const reportReasonEnum = pgEnum('report_reason', ['spam', 'abuse', 'illegal', 'offtopic', 'other']);
export const wordActionEnum = pgEnum('word_action', ['block', 'hold', 'replace']);

/** Every staff action, append-only: there is no route or service that updates or deletes a row. */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Null for automatic actions (rules, report thresholds). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Dotted verb: 'user.silence', 'post.approve', 'thread.move', 'rules.update'… */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: integer('target_id'),
    /** The member the action concerns, when there is one (filters "everything about alice"). */
    targetUserId: integer('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the log page: newest first, keyset on (created_at, id)
    index('moderation_log_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('moderation_log_actor_idx').on(t.actorId, t.createdAt.desc().nullsFirst()),
    index('moderation_log_target_user_idx').on(t.targetUserId, t.createdAt.desc().nullsFirst()),
    index('moderation_log_action_idx').on(t.action, t.createdAt.desc().nullsFirst()),
  ],
);

/** Warnings, silences, suspensions and bans: what the member is shown, and the history staff see. */
export const moderationSanctions = pgTable(
  'moderation_sanctions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: sanctionKindEnum('kind').notNull(),
    reason: text('reason').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null: permanent (or, for a warning, not applicable). */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedById: integer('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('moderation_sanctions_user_idx').on(t.userId, t.startsAt.desc().nullsFirst())],
);

/**
 * Member reports of posts, threads, profiles and plugin items ('<plugin>.<type>'). Private messages keep
 * their own conversation_reports (they grant staff access); moderation_message_reviews records their outcome.
 */
export const moderationReports = pgTable(
  'moderation_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    targetType: text('target_type').notNull(),
    targetId: integer('target_id').notNull(),
    targetUserId: integer('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null for an item a plugin's own rule sent to the queue (api.moderation.hold). */
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'cascade' }),
    reason: reportReasonEnum('reason').notNull(),
    text: text('text').notNull().default(''),
    /** How much this report counts towards hiding the item (reportWeight at the time). */
    weight: integer('weight').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: integer('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** 'approved' | 'removed' | 'dismissed' | 'edited' */
    outcome: text('outcome'),
  },
  (t) => [
    // one open report per member and item
    uniqueIndex('moderation_reports_open_idx').on(t.targetType, t.targetId, t.reporterId).where(sql`${t.resolvedAt} is null`),
    // the queue: open reports, oldest first
    index('moderation_reports_queue_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`),
    index('moderation_reports_target_idx').on(t.targetType, t.targetId),
  ],
);

/** The last staff review of a reported private message: reports newer than it are open again. */
export const moderationMessageReviews = pgTable('moderation_message_reviews', {
  messageId: integer('message_id')
    .primaryKey()
    .references(() => conversationMessages.id, { onDelete: 'cascade' }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  reviewedById: integer('reviewed_by_id').references(() => users.id, { onDelete: 'set null' }),
  outcome: text('outcome').notNull(),
});

/** Versions of the community rules (社群规则); the newest row is in force. */
export const moderationRules = pgTable(
  'moderation_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    raw: text('raw').notNull(),
    html: text('html').notNull(),
    /** Members must accept this version before they post again. */
    requireAcceptance: boolean('require_acceptance').notNull().default(false),
    editedById: integer('edited_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('moderation_rules_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

export const moderationRulesAcceptances = pgTable('moderation_rules_acceptances', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  rulesId: integer('rules_id').notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Watched words and patterns (违规/敏感词); categoryId null applies forum-wide. */
export const moderationWords = pgTable(
  'moderation_words',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pattern: text('pattern').notNull(),
    isRegex: boolean('is_regex').notNull().default(false),
    action: wordActionEnum('action').notNull(),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'cascade' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('moderation_words_category_idx').on(t.categoryId)],
);

/** Automatic rule settings: scope 'forum' or 'category:<id>' (overrides) → JSON checked by zod on read. */
export const moderationSettings = pgTable('moderation_settings', {
  scope: text('scope').primaryKey(),
  config: jsonb('config').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ModerationLogEntry = typeof moderationLog.$inferSelect;
export type Sanction = typeof moderationSanctions.$inferSelect;
export type SanctionKind = (typeof sanctionKindEnum.enumValues)[number];
export type ModerationReport = typeof moderationReports.$inferSelect;
export type ReportReason = (typeof reportReasonEnum.enumValues)[number];
export type WordAction = (typeof wordActionEnum.enumValues)[number];
export type WatchedWord = typeof moderationWords.$inferSelect;
export type RulesVersion = typeof moderationRules.$inferSelect;
