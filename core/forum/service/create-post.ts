import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { canAct, canReply } from '../permissions.ts';
import { categories, posts, threads, type Category, type Post, type Thread } from '../schema.ts';
import { writeTime, type WriteContext } from './context.ts';
import { add } from './counters.ts';
import { canSeeThread, findThreadContext } from './lookup.ts';
import { postRawSchema } from './post-input.ts';
import { renderPost } from './render.ts';

export interface NewPostInput {
  threadId: number;
  raw: string;
  replyToPostId?: number | null;
}

export interface CreatedPost {
  post: Post;
  thread: Thread;
  category: Category;
}

/**
 * Adds a reply. Its number comes from incrementing the thread's counter inside the transaction: the row
 * lock serialises concurrent replies, so numbers are unique and gap-free.
 */
export async function createPost(ctx: WriteContext, input: NewPostInput): Promise<CreatedPost> {
  const { db, hooks, user } = ctx;
  const found = await findThreadContext(db, input.threadId);
  if (!found || found.thread.deletedAt || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  if (!canReply(user, found.category, found.thread, found.parent)) {
    const reason = !canAct(user) ? 'forum.reply.sanctioned' : found.thread.locked ? 'forum.reply.locked' : 'forum.reply.notAllowed';
    throw new UserError(403, reason);
  }
  const raw = parseOrThrow(postRawSchema, input.raw);
  const hookCtx = { user, categoryId: found.category.id, form: ctx.form };
  const filtered = await hooks.filter(
    'post.beforeCreate',
    { raw, threadId: found.thread.id, categoryId: found.category.id, replyToPostId: input.replyToPostId ?? null },
    hookCtx,
  );
  const finalRaw = parseOrThrow(postRawSchema, filtered.raw);
  const rendered = await renderPost(db, hooks, finalRaw, hookCtx);
  const at = writeTime(ctx);
  // a held reply takes its number but moves no counter until staff approve it (core/moderation)
  const hold = filtered.hold ?? null;

  const created = await db.transaction(async (tx) => {
    const [thread] = await tx
      .update(threads)
      .set(
        hold
          ? { lastPostNumber: add(threads.lastPostNumber, 1) }
          : { lastPostNumber: add(threads.lastPostNumber, 1), replyCount: add(threads.replyCount, 1), lastPostAt: at, lastPosterId: user.id },
      )
      .where(and(eq(threads.id, found.thread.id), isNull(threads.deletedAt)))
      .returning();
    if (!thread) throw new UserError(404, 'error.404.body');
    const replyTo = await replyTarget(tx, thread.id, filtered.replyToPostId ?? rendered.quotedPostIds[0] ?? null);
    const [post] = await tx
      .insert(posts)
      .values({
        threadId: thread.id,
        authorId: user.id,
        number: thread.lastPostNumber,
        raw: finalRaw,
        html: rendered.html,
        renderVersion: rendered.renderVersion,
        replyToPostId: replyTo,
        createdAt: at,
        heldAt: hold ? at : null,
        heldReason: hold?.reason ?? null,
      })
      .returning();
    if (hold) return { post: post!, thread, category: found.category };
    const [category] = await tx
      .update(categories)
      .set({ postCount: add(categories.postCount, 1) })
      .where(eq(categories.id, thread.categoryId))
      .returning();
    await tx.update(users).set({ postCount: add(users.postCount, 1) }).where(eq(users.id, user.id));
    return { post: post!, thread, category: category! };
  });
  // observers (notifications, live updates) hear of a held reply when it is approved
  if (!hold) await hooks.action('post.created', created, hookCtx);
  return created;
}

/** A reply points at another post only within the same thread. */
async function replyTarget(tx: DbOrTx, threadId: number, postId: number | null): Promise<number | null> {
  if (postId === null || !Number.isSafeInteger(postId) || postId < 1 || postId > 2_147_483_647) return null;
  const [row] = await tx
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)))
    .limit(1);
  return row?.id ?? null;
}
