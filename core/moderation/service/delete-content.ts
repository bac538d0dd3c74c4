import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { deletePost, posts } from '../../forum/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';

const BATCH = 200;

/**
 * Soft-deletes everything a banned member wrote, through the forum's own delete so counters and hooks stay
 * right: opening posts first (their threads go with them), then the remaining replies.
 */
export async function deleteContentOf(deps: { db: Db; hooks: HookBus }, input: { actor: User; target: User }): Promise<number> {
  const ctx = { db: deps.db, hooks: deps.hooks, user: input.actor };
  let deleted = 0;
  for (const firstOnly of [true, false]) {
    let after = 0;
    for (;;) {
      const batch = await deps.db
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.authorId, input.target.id), isNull(posts.deletedAt), gt(posts.id, after), firstOnly ? eq(posts.number, 1) : undefined))
        .orderBy(asc(posts.id))
        .limit(BATCH);
      if (batch.length === 0) break;
      for (const { id } of batch) {
        await deletePost(ctx, id);
        deleted += 1;
        after = id;
      }
    }
  }
  return deleted;
}
