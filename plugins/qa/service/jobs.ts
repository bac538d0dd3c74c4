import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import { categories, listedThread, threads } from '../../../core/plugins/api.ts';
import { qaQuestions } from '../schema.ts';
import type { QaApi } from '../settings.ts';

export const REMIND_JOB = 'remind';
export const AUTO_CLOSE_JOB = 'autoClose';
const DAY = 86_400_000;
/** Questions older than this past the reminder age are not reminded when the setting is first switched on. */
const REMIND_WINDOW_DAYS = 30;

/** Categories where Q&A is on, with their settings. */
async function activeCategories(api: QaApi) {
  const all = await api.db.select({ id: categories.id }).from(categories);
  const active = all.filter((c) => api.enabledIn(c.id));
  return Promise.all(active.map(async (c) => ({ id: c.id, settings: await api.settings(c.id) })));
}

/**
 * Reminds askers whose answered question has no accepted answer N days after asking. Each question is
 * claimed by setting reminded_at where it was null, so a reminder is sent once even if the job runs twice
 * or on two instances at the same time.
 */
export async function sendReminders(api: QaApi, now = new Date()): Promise<number> {
  let sent = 0;
  for (const category of await activeCategories(api)) {
    const days = category.settings.remindAfterDays;
    if (days <= 0) continue;
    const due = await api.db
      .select({ id: threads.id, authorId: threads.authorId, title: threads.title })
      .from(threads)
      .leftJoin(qaQuestions, eq(qaQuestions.threadId, threads.id))
      .where(
        and(
          eq(threads.categoryId, category.id),
          listedThread(),
          eq(threads.locked, false),
          gt(threads.replyCount, 0),
          lt(threads.createdAt, new Date(now.getTime() - days * DAY)),
          gt(threads.createdAt, new Date(now.getTime() - (days + REMIND_WINDOW_DAYS) * DAY)),
          isNull(qaQuestions.acceptedPostId),
          isNull(qaQuestions.remindedAt),
        ),
      )
      .limit(500);
    for (const question of due) {
      const [claimed] = await api.db
        .insert(qaQuestions)
        .values({ threadId: question.id, categoryId: category.id, remindedAt: now })
        .onConflictDoUpdate({ target: qaQuestions.threadId, set: { remindedAt: now }, where: isNull(qaQuestions.remindedAt) })
        .returning({ threadId: qaQuestions.threadId });
      if (!claimed) continue;
      await api.notify({
        userId: question.authorId,
        type: 'remindAccept',
        data: { title: question.title },
        url: `/t/${question.id}`,
        dedupeKey: `${question.id}`,
      });
      sent++;
    }
  }
  return sent;
}

/** Locks questions whose answer was accepted N days ago; each one once (an unlock by staff sticks). */
export async function autoCloseSolved(api: QaApi, now = new Date()): Promise<number> {
  let closed = 0;
  for (const category of await activeCategories(api)) {
    const days = category.settings.autoCloseDays;
    if (days <= 0) continue;
    const due = await api.db
      .select({ threadId: qaQuestions.threadId })
      .from(qaQuestions)
      .innerJoin(threads, eq(threads.id, qaQuestions.threadId))
      .where(
        and(
          eq(threads.categoryId, category.id),
          isNotNull(qaQuestions.acceptedPostId),
          isNull(qaQuestions.autoClosedAt),
          lt(qaQuestions.acceptedAt, new Date(now.getTime() - days * DAY)),
          isNull(threads.deletedAt),
        ),
      )
      .limit(500);
    for (const { threadId } of due) {
      const [claimed] = await api.db
        .update(qaQuestions)
        .set({ autoClosedAt: now })
        .where(and(eq(qaQuestions.threadId, threadId), isNull(qaQuestions.autoClosedAt)))
        .returning({ threadId: qaQuestions.threadId });
      if (!claimed) continue;
      await api.threads.setLocked(threadId, true);
      closed++;
    }
  }
  return closed;
}

