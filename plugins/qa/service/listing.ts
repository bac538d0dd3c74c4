import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { listedThread, posts, threads, users, type Db } from '../../../core/plugins/api.ts';
import { qaQuestions, qaScores } from '../schema.ts';

export const listingShows = ['all', 'unanswered', 'unsolved', 'solved'] as const;
export const listingSorts = ['activity', 'votes'] as const;
export type ListingShow = (typeof listingShows)[number];
export type ListingSort = (typeof listingSorts)[number];

/** Keyset position: the sort value of the last row shown and its thread id. */
export type ListingCursor = { sort: 'activity'; at: Date; id: number } | { sort: 'votes'; score: number; id: number };

export interface QuestionRow {
  id: number;
  title: string;
  slug: string;
  replyCount: number;
  viewCount: number;
  lastPostAt: Date;
  score: number;
  solved: boolean;
  author: { username: string; displayName: string } | null;
}

export const LISTING_PAGE_SIZE = 30;

export function encodeCursor(cursor: ListingCursor): string {
  return cursor.sort === 'activity' ? `a.${cursor.at.getTime()}.${cursor.id}` : `v.${cursor.score}.${cursor.id}`;
}

/** A cursor from the query string, or null when there is none or it is not one of ours. */
export function decodeCursor(value: string | undefined, sort: ListingSort): ListingCursor | null {
  const match = /^([av])\.(-?\d{1,15})\.(\d{1,10})$/.exec(value ?? '');
  if (!match) return null;
  const [, kind, key, id] = match;
  if (kind === 'a' && sort === 'activity') return { sort, at: new Date(Number(key)), id: Number(id) };
  if (kind === 'v' && sort === 'votes') return { sort, score: Number(key), id: Number(id) };
  return null;
}

/**
 * One page of a category's questions, narrowed to unanswered / unsolved / solved and sorted by latest
 * activity or by the question's votes; keyset pages, never OFFSET.
 */
export async function listQuestions(
  db: Db,
  query: { categoryId: number; show: ListingShow; sort: ListingSort; before: ListingCursor | null; limit?: number },
): Promise<{ rows: QuestionRow[]; next: ListingCursor | null }> {
  const score = sql<number>`coalesce(${qaScores.score}, 0)`;
  const conditions: SQL[] = [eq(threads.categoryId, query.categoryId), listedThread()];
  if (query.show === 'unanswered') conditions.push(eq(threads.replyCount, 0));
  if (query.show === 'unsolved') conditions.push(or(isNull(qaQuestions.threadId), isNull(qaQuestions.acceptedPostId))!);
  if (query.show === 'solved') conditions.push(isNotNull(qaQuestions.acceptedPostId));
  const before = query.before;
  if (before?.sort === 'activity') conditions.push(sql`(${threads.lastPostAt}, ${threads.id}) < (${before.at.toISOString()}::timestamptz, ${before.id})`);
  if (before?.sort === 'votes') conditions.push(sql`(${score}, ${threads.id}) < (${before.score}, ${before.id})`);
  const limit = query.limit ?? LISTING_PAGE_SIZE;
  const found = await db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      replyCount: threads.replyCount,
      viewCount: threads.viewCount,
      lastPostAt: threads.lastPostAt,
      score,
      acceptedPostId: qaQuestions.acceptedPostId,
      username: users.username,
      displayName: users.displayName,
    })
    .from(threads)
    .leftJoin(posts, and(eq(posts.threadId, threads.id), eq(posts.number, 1)))
    .leftJoin(qaScores, eq(qaScores.postId, posts.id))
    .leftJoin(qaQuestions, eq(qaQuestions.threadId, threads.id))
    .leftJoin(users, eq(users.id, threads.authorId))
    .where(and(...conditions))
    .orderBy(...(query.sort === 'votes' ? [desc(score), desc(threads.id)] : [desc(threads.lastPostAt), desc(threads.id)]))
    .limit(limit + 1);
  const rows: QuestionRow[] = found.slice(0, limit).map(({ acceptedPostId, username, displayName, score: s, ...row }) => ({
    ...row,
    score: Number(s),
    solved: acceptedPostId !== null,
    author: username !== null && displayName !== null ? { username, displayName } : null,
  }));
  const last = rows.at(-1);
  const next: ListingCursor | null =
    found.length > limit && last
      ? query.sort === 'votes'
        ? { sort: 'votes', score: last.score, id: last.id }
        : { sort: 'activity', at: last.lastPostAt, id: last.id }
      : null;
  return { rows, next };
}

/** Which of these threads are solved: one query for a whole thread list. */
export async function solvedAmong(db: Db, threadIds: readonly number[]): Promise<Set<number>> {
  if (threadIds.length === 0) return new Set();
  const rows = await db
    .select({ threadId: qaQuestions.threadId })
    .from(qaQuestions)
    .where(and(inArray(qaQuestions.threadId, [...threadIds]), isNotNull(qaQuestions.acceptedPostId)));
  return new Set(rows.map((r) => r.threadId));
}
