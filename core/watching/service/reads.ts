import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { threads } from '../../forum/schema.ts';
import { threadReads, threadWatches } from '../schema.ts';

/**
 * Highest post number this process has recorded as read, per database handle, member and thread:
 * re-reading a page (or fifty tabs loading it at once) writes nothing. Bounded; an evicted entry costs
 * one no-op upsert. Per handle, so that two forums in one process (tests) never answer for each other,
 * and a mark made inside a transaction is forgotten with it.
 */
const marked = new WeakMap<DbOrTx, Map<string, number>>();
const REMEMBER = 50_000;

function markedIn(db: DbOrTx): Map<string, number> {
  let found = marked.get(db);
  if (!found) marked.set(db, (found = new Map()));
  return found;
}

/** Records that a member has read a thread up to a post number; never moves backwards. */
export async function markRead(db: DbOrTx, userId: number, threadId: number, postNumber: number): Promise<void> {
  if (!Number.isSafeInteger(postNumber) || postNumber < 1) return;
  const recentlyMarked = markedIn(db);
  const key = `${userId}:${threadId}`;
  if ((recentlyMarked.get(key) ?? 0) >= postNumber) return;
  recentlyMarked.delete(key);
  recentlyMarked.set(key, postNumber);
  if (recentlyMarked.size > REMEMBER) recentlyMarked.delete(recentlyMarked.keys().next().value!);
  try {
    await db
      .insert(threadReads)
      .values({ userId, threadId, lastReadPostNumber: postNumber })
      .onConflictDoUpdate({
        target: [threadReads.userId, threadReads.threadId],
        set: { lastReadPostNumber: sql`excluded.last_read_post_number`, updatedAt: sql`now()` },
        // only ever forward: an older page read later changes nothing (and writes nothing)
        setWhere: sql`${threadReads.lastReadPostNumber} < excluded.last_read_post_number`,
      });
  } catch (error) {
    recentlyMarked.delete(key);
    throw error;
  }
}

/** Whether this process already wrote a read position at least this far (markRead would write nothing). */
export function alreadyMarked(db: DbOrTx, userId: number, threadId: number, postNumber: number): boolean {
  return (marked.get(db)?.get(`${userId}:${threadId}`) ?? 0) >= postNumber;
}

/** Tests and tools that rewrite read state directly make the process forget what it marked in that database. */
export function forgetMarkedReads(db: DbOrTx): void {
  marked.delete(db);
}

export interface UnreadState {
  /** Posts after the last one read (deleted ones included: numbers are never reused). */
  unread: number;
  firstUnreadNumber: number;
}

/**
 * New posts in threads the member has opened before, for a listing, in one query. Threads they never
 * opened, have read to the end, or muted are absent from the map.
 */
export async function unreadCounts(db: DbOrTx, userId: number, threadIds: number[]): Promise<Map<number, UnreadState>> {
  const out = new Map<number, UnreadState>();
  if (threadIds.length === 0) return out;
  const query = prepared(db, 'watching.unreadCounts', (d) =>
    d
      .select({ threadId: threads.id, last: threads.lastPostNumber, read: threadReads.lastReadPostNumber })
      .from(threadReads)
      .innerJoin(threads, eq(threads.id, threadReads.threadId))
      .leftJoin(threadWatches, and(eq(threadWatches.threadId, threadReads.threadId), eq(threadWatches.userId, sql.placeholder('userId'))))
      .where(
        and(
          eq(threadReads.userId, sql.placeholder('userId')),
          sql`${threadReads.threadId} = any(${sql.placeholder('threadIds')}::int[])`,
          sql`${threads.lastPostNumber} > ${threadReads.lastReadPostNumber}`,
          or(isNull(threadWatches.level), ne(threadWatches.level, 'muted')),
        ),
      )
      .prepare('watching_unread_counts'),
  );
  const rows = await query.execute({ userId, threadIds });
  for (const r of rows) out.set(r.threadId, { unread: r.last - r.read, firstUnreadNumber: r.read + 1 });
  return out;
}

/** How far a member has read one thread (0: never opened). */
export async function lastReadNumber(db: DbOrTx, userId: number, threadId: number): Promise<number> {
  const [row] = await db
    .select({ n: threadReads.lastReadPostNumber })
    .from(threadReads)
    .where(and(eq(threadReads.userId, userId), eq(threadReads.threadId, threadId)));
  return row?.n ?? 0;
}
