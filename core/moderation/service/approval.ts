import { eq } from 'drizzle-orm';
import { users, type User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { categories, type Post, type Thread } from '../../forum/schema.ts';
import { fanOutPost } from '../../notifications/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';

/**
 * Content held from its creation on was never announced: once approved, observers hear of it as new
 * (notifications, live updates, plugins). A post hidden later by reports was announced already.
 */
export async function publishApproval(ctx: { db: Db; hooks: HookBus }, released: { post: Post; thread: Thread; fresh: boolean }, by: User): Promise<void> {
  const { post, thread, fresh } = released;
  if (!fresh || post.deletedAt) return;
  const [category] = await ctx.db.select().from(categories).where(eq(categories.id, thread.categoryId)).limit(1);
  if (!category) return;
  if (post.number === 1) {
    // thread.created ran at creation (plugins stored their parts then); only the announcement waited
    await fanOutPost(ctx.db, { post, thread, category, opening: true });
    return;
  }
  const [author] = await ctx.db.select().from(users).where(eq(users.id, post.authorId)).limit(1);
  await ctx.hooks.action('post.created', { post, thread, category }, { user: author ?? by, categoryId: category.id });
}
