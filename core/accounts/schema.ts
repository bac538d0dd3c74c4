import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['member', 'moderator', 'admin']);
export const userStatusEnum = pgEnum('user_status', ['active', 'suspended', 'banned']);
export const themePreferenceEnum = pgEnum('theme_preference', ['system', 'light', 'dark']);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** As the member typed it (NFKC-normalised). */
    username: text('username').notNull(),
    /** Lower-cased, confusable-folded form: what uniqueness and look-ups use. */
    usernameKey: text('username_key').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull().default('member'),
    status: userStatusEnum('status').notNull().default('active'),
    statusReason: text('status_reason'),
    statusUntil: timestamp('status_until', { withTimezone: true }),
    /** Silenced (禁言) by moderation: may read, not post, message or react. Null: not silenced. */
    silencedAt: timestamp('silenced_at', { withTimezone: true }),
    /** End of the silence; null while silenced means until lifted. */
    silencedUntil: timestamp('silenced_until', { withTimezone: true }),
    bio: text('bio').notNull().default(''),
    /** Storage key of an uploaded avatar (core/uploads); null: the generated initials avatar. */
    avatarKey: text('avatar_key'),
    locale: text('locale'),
    theme: themePreferenceEnum('theme').notNull().default('system'),
    timeZone: text('time_zone'),
    threadCount: integer('thread_count').notNull().default(0),
    postCount: integer('post_count').notNull().default(0),
    likesReceived: integer('likes_received').notNull().default(0),
    likesGiven: integer('likes_given').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** Trust level 0–4 (core/trust): recomputed from activity unless staff locked it. */
    trustLevel: integer('trust_level').notNull().default(0),
    trustLevelLocked: boolean('trust_level_locked').notNull().default(false),
    /** Denormalised from group_members (core/groups), kept in the same transaction: permission checks stay synchronous. */
    groupIds: integer('group_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Denormalised from category_moderators (core/trust): categories where this member acts as staff. */
    moderatedCategoryIds: integer('moderated_category_ids').array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    uniqueIndex('users_username_key_idx').on(t.usernameKey),
    uniqueIndex('users_email_key_idx').on(t.emailKey),
    // member lists sorted by join date
    index('users_created_at_idx').on(t.createdAt),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token, hex: the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    /** SHA-256 of the emailed token, hex. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_reset_tokens_user_id_idx').on(t.userId)],
);

/** Fixed-window counters shared by every app instance (login, register, reset…). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Session = typeof sessions.$inferSelect;

