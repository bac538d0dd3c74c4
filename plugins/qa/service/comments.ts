import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { canAct, isStaffViewer, parseOrThrow, UserError, type Post, type Thread, type User } from '../../../core/plugins/api.ts';
import { qaComments, type QaComment } from '../schema.ts';
import { COMMENT_MAX_LENGTH, type QaApi } from '../settings.ts';
import { isLivePost } from './records.ts';

export const commentForm = z.object({
  qa_comment: z
    .string({ message: 'qa.comment.error.length' })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(2, 'qa.comment.error.length').max(COMMENT_MAX_LENGTH, 'qa.comment.error.length')),
});

export function canComment(user: User | null, thread: Pick<Thread, 'locked'>): boolean {
  return !!user && canAct(user) && (!thread.locked || isStaffViewer(user));
}

/** Adds a short comment under a post of the question and tells the post's author. */
export async function addComment(api: QaApi, input: { thread: Thread; post: Post; author: User | null; form: unknown }): Promise<QaComment> {
  const { thread, post, author } = input;
  if (!author) throw new UserError(403, 'qa.error.loginToComment');
  if (!canComment(author, thread)) throw new UserError(author && thread.locked ? 409 : 403, thread.locked ? 'qa.error.locked' : 'error.403.body');
  if (post.threadId !== thread.id || !isLivePost(post)) throw new UserError(404, 'error.404.body');
  const { qa_comment: body } = parseOrThrow(commentForm, input.form);
  const [comment] = await api.db.insert(qaComments).values({ postId: post.id, threadId: thread.id, authorId: author.id, body }).returning();
  if (post.authorId !== author.id) {
    await api.notify({
      userId: post.authorId,
      type: 'commented',
      data: { name: author.displayName, title: thread.title },
      url: `/p/${post.id}`,
      dedupeKey: `${comment!.id}`,
    });
  }
  return comment!;
}

/** Its author or staff remove a comment (kept for the record, no longer shown). */
export async function deleteComment(api: QaApi, input: { thread: Thread; commentId: number; by: User | null }): Promise<QaComment> {
  const { by } = input;
  const where = and(eq(qaComments.id, input.commentId), eq(qaComments.threadId, input.thread.id), isNull(qaComments.deletedAt));
  const [comment] = await api.db.select().from(qaComments).where(where);
  if (!comment) throw new UserError(404, 'error.404.body');
  if (!by || !canAct(by) || (comment.authorId !== by.id && !isStaffViewer(by))) throw new UserError(403, 'error.403.body');
  await api.db.update(qaComments).set({ deletedAt: new Date() }).where(eq(qaComments.id, comment.id));
  return comment;
}
