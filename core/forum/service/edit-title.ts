import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { User } from '../../accounts/schema.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { logModerationAction } from '../../moderation/service/log.ts';
import { trustLevelOf } from '../../trust/abilities.ts';
import { trustSettings, type TrustSettings } from '../../trust/settings.ts';
import { canAct, canEditPost, canEditTitle, isStaffIn } from '../permissions.ts';
import { postRevisions, posts, threads, type Post, type Thread } from '../schema.ts';
import { writeTime, type WriteContext } from './context.ts';
import { add } from './counters.ts';
import { canSeeThread, findThreadContext, type ThreadContext } from './lookup.ts';
import { titleSchema } from './post-input.ts';
import { threadSlug } from './slug.ts';

/** In which capacity someone retitles a thread: its author, staff of its category, or a trusted member (`editTitles`). */
export type TitleEditVia = 'author' | 'staff' | 'trust';

export const titleFormSchema = z.object({ title: titleSchema });

export function titleEditVia(user: User, scope: ThreadContext, first: Pick<Post, 'authorId' | 'deletedAt'>, settings?: TrustSettings): TitleEditVia | null {
  if (!canAct(user)) return null;
  if (first.authorId === user.id && canEditPost(user, first, scope.thread)) return 'author';
  if (isStaffIn(user, scope.category.id)) return 'staff';
  return canEditTitle(user, scope, settings) ? 'trust' : null;
}

/**
 * Changes only a thread's title (never the opening post's text). The previous title is kept in the opening
 * post's edit history; when someone other than the author does it, the moderation log records before/after,
 * who, and whether staff or a trust level allowed it.
 */
export async function editThreadTitle(ctx: WriteContext, threadId: number, input: { title: string | undefined }): Promise<{ thread: Thread; changed: boolean }> {
  const { db, hooks, user } = ctx;
  const found = Number.isSafeInteger(threadId) && threadId > 0 ? await findThreadContext(db, threadId) : undefined;
  if (!found || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  const [first] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.number, 1)))
    .limit(1);
  if (!first) throw new UserError(404, 'error.404.body');
  const via = titleEditVia(user, found, first, await trustSettings(db));
  if (!via) throw new UserError(403, 'forum.title.notAllowed');
  const asked = parseOrThrow(titleFormSchema, { title: input.title ?? '' }).title;
  const before = found.thread;
  if (asked === before.title) return { thread: before, changed: false };
  const filtered = await hooks.filter('thread.beforeRetitle', { title: asked, thread: before }, { user, categoryId: found.category.id });
  const { title } = parseOrThrow(titleFormSchema, { title: filtered.title });
  if (title === before.title) return { thread: before, changed: false };
  const at = writeTime(ctx);

  const result = await db.transaction(async (tx) => {
    await tx.insert(postRevisions).values({ postId: first.id, editorId: user.id, raw: first.raw, title: before.title, createdAt: at });
    const [post] = await tx
      .update(posts)
      .set({ editCount: add(posts.editCount, 1), editedAt: at })
      .where(eq(posts.id, first.id))
      .returning();
    const [thread] = await tx.update(threads).set({ title, slug: threadSlug(title) }).where(eq(threads.id, threadId)).returning();
    if (via !== 'author') {
      await logModerationAction(tx, {
        actorId: user.id,
        action: 'thread.title',
        targetType: 'thread',
        targetId: threadId,
        targetUserId: before.authorId,
        before: { title: before.title },
        after: via === 'trust' ? { title, via, trustLevel: trustLevelOf(user) } : { title, via },
      });
    }
    return { post: post!, thread: thread! };
  });
  // plugins that keep something per opening post (Q&A's question index) follow a title change here too
  await hooks.action('post.edited', { post: result.post, thread: result.thread, previousRaw: first.raw }, { user, categoryId: found.category.id });
  return { thread: result.thread, changed: true };
}
