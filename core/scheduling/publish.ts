import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { users, type User } from '../accounts/schema.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { categories, posts, threads, type Thread } from '../forum/schema.ts';
import { add } from '../forum/service/counters.ts';
import { isStaffIn } from '../forum/permissions.ts';
import { UserError } from '../http/errors.tsx';
import type { JobQueue } from '../jobs/index.ts';
import type { LiveBus } from '../live/index.ts';
import { logModerationAction } from '../moderation/service/log.ts';
import { emitNotified, fanOutPost } from '../notifications/index.ts';

export const PUBLISH_THREAD_JOB = 'scheduling.publish';

export interface PublishDeps {
  db: Db;
  live?: LiveBus;
}

/** Publication time, at millisecond precision like every listing sort key. */
function nowMs(): Date {
  return new Date(Math.floor(Date.now()));
}

/**
 * Publishes a scheduled thread: it becomes visible, dates from now (so it is "new" in listings), moves the
 * counters and notifies watchers. Idempotent: a thread already published (or no longer scheduled) is left alone.
 * All of it is one transaction: the retry of a job whose worker died can only find the thread still scheduled
 * (and do everything) or published and announced (and do nothing), never published with its watchers untold.
 */
export async function publishScheduledThread(deps: PublishDeps, threadId: number, options: { force?: boolean } = {}): Promise<Thread | null> {
  const at = nowMs();
  const result = await deps.db.transaction(async (tx) => {
    const [thread] = await tx
      .update(threads)
      .set({ publishAt: null, createdAt: at, lastPostAt: at })
      .where(
        and(
          eq(threads.id, threadId),
          isNotNull(threads.publishAt),
          isNull(threads.deletedAt),
          options.force ? undefined : lte(threads.publishAt, at),
        ),
      )
      .returning();
    if (!thread) return null;
    const [post] = await tx
      .update(posts)
      .set({ createdAt: at })
      .where(and(eq(posts.threadId, threadId), eq(posts.number, 1)))
      .returning();
    // a thread also held for review moves the counters (and is announced) when staff approve it
    if (thread.heldAt) return { thread, notified: null };
    const [category] = await tx.select().from(categories).where(eq(categories.id, thread.categoryId));
    const notified = await fanOutPost(tx, { post: post!, thread, category: category!, opening: true }, { announce: false });
    // counter rows are busy (every post in the category updates its row): locked last, for the shortest time,
    // in the order thread creation locks them
    await tx
      .update(categories)
      .set({ threadCount: add(categories.threadCount, 1), postCount: add(categories.postCount, 1) })
      .where(eq(categories.id, thread.categoryId));
    await tx
      .update(users)
      .set({ threadCount: add(users.threadCount, 1), postCount: add(users.postCount, 1) })
      .where(eq(users.id, thread.authorId));
    return { thread, notified };
  });
  if (!result) return null;
  if (result.notified) {
    emitNotified(result.notified);
    await deps.live?.publish({ channel: 'latest', event: 'activity', data: { threadId: result.thread.id, categoryId: result.thread.categoryId } });
  }
  return result.thread;
}

/** Every scheduled thread whose time has come: what the minute sweep publishes. */
export async function publishDueThreads(deps: PublishDeps): Promise<number> {
  const due = await deps.db
    .select({ id: threads.id })
    .from(threads)
    .where(and(isNotNull(threads.publishAt), lte(threads.publishAt, sql`now()`), isNull(threads.deletedAt)))
    .orderBy(asc(threads.publishAt), asc(threads.id))
    .limit(100);
  let published = 0;
  for (const { id } of due) if (await publishScheduledThread(deps, id)) published++;
  return published;
}

async function scheduledThread(db: DbOrTx, actor: User, threadId: number): Promise<Thread> {
  const [thread] = await db.select().from(threads).where(and(eq(threads.id, threadId), isNotNull(threads.publishAt), isNull(threads.deletedAt)));
  if (!thread) throw new UserError(404, 'error.404.body');
  if (!isStaffIn(actor, thread.categoryId)) throw new UserError(403, 'error.403.body');
  return thread;
}

export async function publishNow(deps: PublishDeps, actor: User, threadId: number): Promise<void> {
  const thread = await scheduledThread(deps.db, actor, threadId);
  await publishScheduledThread(deps, threadId, { force: true });
  await logModerationAction(deps.db, { actorId: actor.id, action: 'thread.publishNow', targetType: 'thread', targetId: threadId, before: { publishAt: thread.publishAt } });
}

export async function reschedule(deps: { db: Db; jobs: JobQueue }, actor: User, threadId: number, at: Date): Promise<void> {
  const { db } = deps;
  const thread = await scheduledThread(db, actor, threadId);
  await db.update(threads).set({ publishAt: at }).where(and(eq(threads.id, threadId), isNotNull(threads.publishAt)));
  await logModerationAction(db, {
    actorId: actor.id,
    action: 'thread.reschedule',
    targetType: 'thread',
    targetId: threadId,
    before: { publishAt: thread.publishAt },
    after: { publishAt: at },
  });
  // the job queued for the old time finds the thread not yet due and does nothing
  await deps.jobs.send(PUBLISH_THREAD_JOB, { threadId }, { startAfter: at });
}

/** Cancelling deletes the unpublished thread (staff can still see and restore deleted content). */
export async function cancelScheduled(db: Db, actor: User, threadId: number): Promise<void> {
  const thread = await scheduledThread(db, actor, threadId);
  await db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, threadId));
  await logModerationAction(db, { actorId: actor.id, action: 'thread.cancelScheduled', targetType: 'thread', targetId: threadId, before: { publishAt: thread.publishAt, title: thread.title } });
}
