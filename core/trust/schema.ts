import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { categories } from '../forum/schema.ts';

export const trustChangeReasonEnum = pgEnum('trust_change_reason', ['promoted', 'demoted', 'manual', 'locked', 'unlocked']);

/** Every change of a member's trust level, automatic or by staff: the history on the member page. */
export const trustLevelChanges = pgTable(
  'trust_level_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromLevel: integer('from_level').notNull(),
    toLevel: integer('to_level').notNull(),
    reason: trustChangeReasonEnum('reason').notNull(),
    /** Staff member for manual changes; null when the recompute job decided. */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trust_level_changes_user_idx').on(t.userId, t.createdAt.desc().nullsFirst())],
);

/** Moderators scoped to a category: they act as staff there only (mirrored on users.moderated_category_ids). */
export const categoryModerators = pgTable(
  'category_moderators',
  {
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedById: integer('added_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.userId] }), index('category_moderators_user_idx').on(t.userId)],
);

export type TrustLevelChange = typeof trustLevelChanges.$inferSelect;
export type TrustChangeReason = (typeof trustChangeReasonEnum.enumValues)[number];
