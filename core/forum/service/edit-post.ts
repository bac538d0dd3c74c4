import { eq } from 'drizzle-orm';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { trustSettings } from '../../trust/settings.ts';
import { canEditPost, canEditWiki } from '../permissions.ts';
import { postRevisions, posts, threads, type Post, type Thread } from '../schema.ts';
import { writeTime, type WriteContext } from './context.ts';
import { add } from './counters.ts';
import { canSeeThread, findPostContext } from './lookup.ts';
import { postRawSchema, titleSchema } from './post-input.ts';
import { renderPost } from './render.ts';
import { threadSlug } from './slug.ts';

export interface EditPostInput {
  raw: string;
  /** Only for the first post: the thread's title. */
  title?: string;
}

/** Saves a new version of a post (its author, staff, or on a wiki post a trusted member), keeping the previous text (and title) in post_revisions. */
export async function editPost(ctx: WriteContext, postId: number, input: EditPostInput): Promise<{ post: Post; thread: Thread }> {
  const { db, hooks, user } = ctx;
  const found = await findPostContext(db, postId);
  if (!found || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  // the author and staff edit; on a wiki post, so do members whose trust level unlocks `editWiki` (text only)
  const asOwner = canEditPost(user, found.post, found.thread);
  if (!asOwner && !canEditWiki(user, found.post, found, await trustSettings(db))) throw new UserError(403, 'forum.edit.notAllowed');
  const raw = parseOrThrow(postRawSchema, input.raw);
  const asked = found.post.number === 1 && input.title !== undefined ? parseOrThrow(titleSchema, input.title) : undefined;
  if (!asOwner && asked !== undefined && asked !== found.thread.title) throw new UserError(403, 'forum.title.notAllowed');
  const hookCtx = { user, categoryId: found.category.id };
  const title =
    asked === undefined || asked === found.thread.title
      ? asked
      : parseOrThrow(titleSchema, (await hooks.filter('thread.beforeRetitle', { title: asked, thread: found.thread }, hookCtx)).title);
  const filtered = await hooks.filter('post.beforeEdit', { raw, post: found.post }, hookCtx);
  const finalRaw = parseOrThrow(postRawSchema, filtered.raw);
  const titleChanged = title !== undefined && title !== found.thread.title;
  if (finalRaw === found.post.raw && !titleChanged) return { post: found.post, thread: found.thread };
  const rendered = await renderPost(db, hooks, finalRaw, hookCtx);
  const at = writeTime(ctx);

  const result = await db.transaction(async (tx) => {
    await tx.insert(postRevisions).values({
      postId: found.post.id,
      editorId: user.id,
      raw: found.post.raw,
      title: titleChanged ? found.thread.title : null,
      createdAt: at,
    });
    const [post] = await tx
      .update(posts)
      .set({ raw: finalRaw, html: rendered.html, renderVersion: rendered.renderVersion, editCount: add(posts.editCount, 1), editedAt: at })
      .where(eq(posts.id, found.post.id))
      .returning();
    let thread = found.thread;
    if (titleChanged) {
      const [updated] = await tx.update(threads).set({ title, slug: threadSlug(title) }).where(eq(threads.id, thread.id)).returning();
      thread = updated!;
    }
    return { post: post!, thread };
  });
  await hooks.action('post.edited', { ...result, previousRaw: found.post.raw }, hookCtx);
  return result;
}
