import { and, eq, inArray, sql } from 'drizzle-orm';
import { users, type User } from '../accounts/schema.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { categories } from '../forum/schema.ts';
import { UserError } from '../http/errors.tsx';
import { logModerationAction } from '../moderation/service/log.ts';
import { categoryModerators } from './schema.ts';

function requireAdmin(actor: User): void {
  if (actor.role !== 'admin') throw new UserError(403, 'error.403.body');
}

/** Makes a member a moderator of one category: staff there, a member everywhere else. */
export async function addCategoryModerator(db: Db, actor: User, categoryId: number, userId: number): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
    if (!category) throw new UserError(404, 'error.404.body');
    const [added] = await tx.insert(categoryModerators).values({ categoryId, userId, addedById: actor.id }).onConflictDoNothing().returning();
    if (!added) return;
    await tx
      .update(users)
      .set({ moderatedCategoryIds: sql`array_append(array_remove(${users.moderatedCategoryIds}, ${categoryId}::int), ${categoryId}::int)` })
      .where(eq(users.id, userId));
    await logModerationAction(tx, { actorId: actor.id, action: 'category.moderator.add', targetType: 'category', targetId: categoryId, targetUserId: userId });
  });
}

export async function removeCategoryModerator(db: Db, actor: User, categoryId: number, userId: number): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(categoryModerators)
      .where(and(eq(categoryModerators.categoryId, categoryId), eq(categoryModerators.userId, userId)))
      .returning();
    if (removed.length === 0) return;
    await tx
      .update(users)
      .set({ moderatedCategoryIds: sql`array_remove(${users.moderatedCategoryIds}, ${categoryId}::int)` })
      .where(eq(users.id, userId));
    await logModerationAction(tx, { actorId: actor.id, action: 'category.moderator.remove', targetType: 'category', targetId: categoryId, targetUserId: userId });
  });
}

/** The categories a member moderates, with names (member page). */
export async function moderatedCategories(db: DbOrTx, userId: number) {
  return db
    .select({ id: categories.id, name: categories.name, slug: categories.slug })
    .from(categoryModerators)
    .innerJoin(categories, eq(categories.id, categoryModerators.categoryId))
    .where(eq(categoryModerators.userId, userId));
}

/** Scoped moderators of some categories, by category (category pages can name them). */
export async function moderatorsOf(db: DbOrTx, categoryIds: number[]) {
  if (categoryIds.length === 0) return [];
  return db
    .select({ categoryId: categoryModerators.categoryId, userId: users.id, username: users.username })
    .from(categoryModerators)
    .innerJoin(users, eq(users.id, categoryModerators.userId))
    .where(inArray(categoryModerators.categoryId, categoryIds));
}
