import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../accounts/schema.ts';
import { parseOrThrow, ValidationError } from '../../http/validation.ts';
import { canStartThread, isStaffViewer } from '../permissions.ts';
import { categories, posts, threads, type Category, type Post, type Thread } from '../schema.ts';
import { categoryWithParent } from './categories.ts';
import { writeTime, type WriteContext } from './context.ts';
import { add } from './counters.ts';
import { postRawSchema, sourceSchema, titleSchema } from './post-input.ts';
import { renderPost } from './render.ts';
import { threadSlug } from './slug.ts';
import { attachTags, parseTags, resolveTags } from './tags.ts';

export const newThreadSchema = z.object({
  categoryId: z.coerce.number({ error: 'forum.thread.category.required' }).int().positive('forum.thread.category.required'),
  title: titleSchema,
  raw: postRawSchema,
  tags: z.union([z.string(), z.array(z.string())]).default(''),
  source: sourceSchema.default(null),
});

export type NewThreadInput = z.input<typeof newThreadSchema>;

export interface CreatedThread {
  thread: Thread;
  post: Post;
  category: Category;
}

/**
 * Opens a thread with its first post. Plugins may rewrite or refuse it ('thread.beforeCreate', a
 * HookRejection propagates to the caller) and are told after the commit ('thread.created').
 */
export async function createThread(
  ctx: WriteContext & { restrictTags: boolean },
  input: NewThreadInput,
): Promise<CreatedThread> {
  const { db, hooks, user } = ctx;
  const data = parseOrThrow(newThreadSchema, input);
  const found = await categoryWithParent(db, data.categoryId);
  // a category the member cannot see is reported like one they may not post in
  if (!found || !canStartThread(user, found.category, found.parent)) {
    throw new ValidationError({ categoryId: 'forum.thread.category.notAllowed' });
  }
  const tagNames = parseTags(data.tags);
  const hookCtx = { user, categoryId: found.category.id, form: ctx.form };
  const filtered = await hooks.filter(
    'thread.beforeCreate',
    { title: data.title, raw: data.raw, categoryId: found.category.id, tags: tagNames, source: data.source },
    hookCtx,
  );
  const title = parseOrThrow(titleSchema, filtered.title);
  const raw = parseOrThrow(postRawSchema, filtered.raw);
  const rendered = await renderPost(db, hooks, raw, hookCtx);
  const at = writeTime(ctx);
  // a held thread exists for its author and staff only; counters move when staff approve it (core/moderation)
  const hold = filtered.hold ?? null;
  // a scheduled thread, too: core/scheduling moves the counters and notifies when it goes live
  const publishAt = filtered.publishAt ?? null;

  const created = await db.transaction(async (tx) => {
    const tagIds = await resolveTags(tx, parseTags(filtered.tags), { restricted: ctx.restrictTags, staff: isStaffViewer(user) });
    const [thread] = await tx
      .insert(threads)
      .values({
        categoryId: found.category.id,
        authorId: user.id,
        title,
        slug: threadSlug(title),
        source: filtered.source,
        lastPostNumber: 1,
        lastPostAt: at,
        lastPosterId: user.id,
        createdAt: at,
        heldAt: hold ? at : null,
        publishAt,
      })
      .returning();
    const [post] = await tx
      .insert(posts)
      .values({
        threadId: thread!.id,
        authorId: user.id,
        number: 1,
        raw,
        html: rendered.html,
        renderVersion: rendered.renderVersion,
        createdAt: at,
        heldAt: hold ? at : null,
        heldReason: hold?.reason ?? null,
      })
      .returning();
    await attachTags(tx, thread!.id, tagIds);
    if (hold || publishAt) return { thread: thread!, post: post!, category: found.category };
    const [category] = await tx
      .update(categories)
      .set({ threadCount: add(categories.threadCount, 1), postCount: add(categories.postCount, 1) })
      .where(eq(categories.id, found.category.id))
      .returning();
    await tx
      .update(users)
      .set({ threadCount: add(users.threadCount, 1), postCount: add(users.postCount, 1) })
      .where(eq(users.id, user.id));
    return { thread: thread!, post: post!, category: category! };
  });
  await hooks.action('thread.created', created, hookCtx);
  return created;
}
