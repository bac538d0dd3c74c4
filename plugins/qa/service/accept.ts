import { eq } from 'drizzle-orm';
import { UserError, type Post, type Thread, type User } from '../../../core/plugins/api.ts';
import { qaQuestions } from '../schema.ts';
import type { QaApi } from '../settings.ts';
import { canAccept } from './permissions.ts';
import { findPost, isLivePost, lockQuestion } from './records.ts';
import { indexQuestion } from './search.ts';

/**
 * Accepts an answer (or switches to another one). The question row is locked while it changes, so two
 * concurrent acceptances end with one answer accepted and each announced with the one it replaced.
 */
export async function acceptAnswer(api: QaApi, input: { thread: Thread; answer: Post; by: User | null }): Promise<{ changed: boolean }> {
  const { thread, answer, by } = input;
  const settings = await api.settings(thread.categoryId);
  if (!by) throw new UserError(403, 'qa.error.loginToAccept');
  if (!canAccept(by, thread, settings)) throw new UserError(403, 'qa.error.cannotAccept');
  if (answer.threadId !== thread.id || answer.number === 1 || !isLivePost(answer)) throw new UserError(404, 'error.404.body');

  const previous = await api.db.transaction(async (tx) => {
    const question = await lockQuestion(tx, thread);
    if (question.acceptedPostId === answer.id) return undefined;
    await tx
      .update(qaQuestions)
      .set({ acceptedPostId: answer.id, acceptedById: by.id, acceptedAt: new Date(), autoClosedAt: null })
      .where(eq(qaQuestions.threadId, thread.id));
    return { id: question.acceptedPostId };
  });
  if (!previous) return { changed: false };
  await indexQuestion(api, thread.id);

  await api.emit('qa.answerAccepted', { thread, answer, acceptedBy: by, previousAnswerId: previous.id }, { user: by, categoryId: thread.categoryId });
  if (answer.authorId !== by.id) {
    await api.notify({
      userId: answer.authorId,
      type: 'accepted',
      data: { title: thread.title },
      url: `/p/${answer.id}`,
      dedupeKey: `${answer.id}`,
    });
  }
  return { changed: true };
}

/** Withdraws the acceptance; `by` is who did it (the asker, staff, or the member whose deletion removed the answer). */
export async function unacceptAnswer(api: QaApi, input: { thread: Thread; by: User | null; onlyPostId?: number; skipPermission?: boolean }): Promise<{ changed: boolean }> {
  const { thread, by } = input;
  if (!input.skipPermission) {
    if (!by) throw new UserError(403, 'qa.error.loginToAccept');
    if (!canAccept(by, thread, await api.settings(thread.categoryId))) throw new UserError(403, 'qa.error.cannotAccept');
  }
  const removedId = await api.db.transaction(async (tx) => {
    const question = await lockQuestion(tx, thread);
    if (question.acceptedPostId === null) return null;
    if (input.onlyPostId !== undefined && question.acceptedPostId !== input.onlyPostId) return null;
    await tx.update(qaQuestions).set({ acceptedPostId: null, acceptedById: null, acceptedAt: null }).where(eq(qaQuestions.threadId, thread.id));
    return question.acceptedPostId;
  });
  if (removedId === null) return { changed: false };
  await indexQuestion(api, thread.id);
  const answer = await findPost(api.db, thread.id, removedId);
  if (answer && by) await api.emit('qa.answerUnaccepted', { thread, answer, by }, { user: by, categoryId: thread.categoryId });
  return { changed: true };
}
