import { and, asc, count, eq, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import { categories, posts, threads } from '../../forum/schema.ts';
import { deletePost } from '../../forum/service/delete-post.ts';
import { postPath } from '../../forum/service/thread-page.ts';
import { UserError } from '../../http/errors.tsx';
import { excerpt } from '../../markdown/index.ts';
import { notify } from '../../notifications/index.ts';
import { moderationReports } from '../schema.ts';
import { publishApproval } from './approval.ts';
import { releasePost } from './held.ts';
import { logModerationAction } from './log.ts';
import type { InternalQueueSource, QueueEntry } from './queue-types.ts';

/** Held posts that nobody reported (those are listed with their reports). */
const heldUnreported = and(
  isNotNull(posts.heldAt),
  isNull(posts.deletedAt),
  notExists(
    sql`(select 1 from ${moderationReports} where ${moderationReports.resolvedAt} is null and ${moderationReports.targetType} = 'post' and ${moderationReports.targetId} = ${posts.id})`,
  ),
);

/** Posts held by automatic rules (flood, links, words, first posts of new members) or by reports. */
export const heldSource: InternalQueueSource = {
  id: 'held',
  labelKey: 'moderation.queue.source.held',
  async count({ db }) {
    const [row] = await db.select({ n: count() }).from(posts).where(heldUnreported);
    return row?.n ?? 0;
  },
  async list({ db }, { limit }) {
    const rows = await db
      .select({ post: posts, thread: threads, categoryName: categories.name })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .where(heldUnreported)
      .orderBy(asc(posts.heldAt), asc(posts.id))
      .limit(limit);
    return rows.map(
      (r): QueueEntry => ({
        source: 'held',
        key: String(r.post.id),
        title: r.post.number === 1 ? r.thread.title : `${r.thread.title} #${r.post.number}`,
        url: postPath(r.thread, r.post.number),
        body: excerpt(r.post.raw, 400),
        createdAt: r.post.createdAt,
        authorId: r.post.authorId,
        reasons: [],
        heldReason: r.post.heldReason,
        hidden: true,
        meta: [r.categoryName],
        actions: ['approve', 'reject'],
        editUrl: `/p/${r.post.id}/edit`,
      }),
    );
  },
  async act(deps, { key, action, by, note }) {
    const postId = Number(key);
    const [row] = Number.isSafeInteger(postId)
      ? await deps.db
          .select({ post: posts, thread: threads })
          .from(posts)
          .innerJoin(threads, eq(threads.id, posts.threadId))
          .where(and(eq(posts.id, postId), isNotNull(posts.heldAt), isNull(posts.deletedAt)))
          .limit(1)
      : [];
    if (!row) throw new UserError(404, 'moderation.queue.gone');
    const title = row.post.number === 1 ? row.thread.title : `${row.thread.title} #${row.post.number}`;
    if (action === 'approve') {
      const released = await deps.db.transaction((tx) => releasePost(tx, postId));
      if (released) await publishApproval(deps, released, by);
    } else {
      await deletePost({ db: deps.db, hooks: deps.hooks, user: by }, postId);
    }
    await logModerationAction(deps.db, {
      actorId: by.id,
      action: `post.${action === 'approve' ? 'approve' : 'reject'}`,
      targetType: 'post',
      targetId: postId,
      targetUserId: row.post.authorId,
      reason: note,
      before: { heldAt: row.post.heldAt, heldReason: row.post.heldReason },
      after: action === 'approve' ? { heldAt: null } : { deleted: true },
    });
    await notify(deps.db, {
      userId: row.post.authorId,
      type: action === 'approve' ? 'moderationApproved' : 'moderationRejected',
      data: { title: title.slice(0, 120), reason: note.slice(0, 200) },
      url: action === 'approve' ? postPath(row.thread, row.post.number) : '/standing',
      actorId: by.id,
      dedupeKey: `held:${postId}:${action}`,
    });
    return { title };
  },
};

