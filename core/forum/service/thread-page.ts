import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { excerpt } from '../../markdown/index.ts';
import { posts, threads, type Post, type Thread } from '../schema.ts';
import { likedByViewer } from './likes.ts';
import { authorsByIds, type Author } from './people.ts';
import { threadPath } from './slug.ts';
import { findThreadContext, type ThreadContext } from './lookup.ts';
import { tagsForThreads } from './tags.ts';

export const POSTS_PER_PAGE = 20;

export interface PostView {
  post: Post;
  author: Author | undefined;
  /** The viewer has liked it. */
  liked: boolean;
}

/** Pages are ranges of post numbers, so a page's URL always shows the same posts (deleted ones as tombstones). */
export function pageCount(thread: Pick<Thread, 'lastPostNumber'>): number {
  return Math.max(1, Math.ceil(thread.lastPostNumber / POSTS_PER_PAGE));
}

export function pageOfPost(number: number): number {
  return Math.max(1, Math.ceil(number / POSTS_PER_PAGE));
}

/** Where post #number is: its page of the thread and its anchor. */
export function postPath(thread: Pick<Thread, 'id' | 'slug'>, number: number): string {
  const page = pageOfPost(number);
  return `${threadPath(thread)}${page > 1 ? `?page=${page}` : ''}#post-${number}`;
}

/** Page N is post numbers ((N-1)*20, N*20]: a range scan of the (thread_id, number) index, never OFFSET. */
export async function postsOnPage(db: DbOrTx, threadId: number, page: number, viewerId: number | null): Promise<PostView[]> {
  return withAuthors(db, await postRowsOnPage(db, threadId, page), viewerId);
}

function postRowsOnPage(db: DbOrTx, threadId: number, page: number): Promise<Post[]> {
  const query = prepared(db, 'forum.postsOnPage', (d) =>
    d
      .select()
      .from(posts)
      .where(and(eq(posts.threadId, sql.placeholder('threadId')), gt(posts.number, sql.placeholder('after')), lte(posts.number, sql.placeholder('upTo'))))
      .orderBy(asc(posts.number))
      .prepare('posts_on_page'),
  );
  return query.execute({ threadId, after: (page - 1) * POSTS_PER_PAGE, upTo: page * POSTS_PER_PAGE });
}

/**
 * What every viewer of a thread page sees alike: the thread with its category, the page's posts with
 * their authors, and the tags. Loaded together in two round trips; whether the viewer may see it, and
 * what they liked, are decided per request.
 */
export interface SharedThreadPage {
  scope: ThreadContext | undefined;
  posts: Post[];
  authors: Map<number, Author>;
  tags: string[];
  /** The page's description: an excerpt of the opening post, also on later pages. */
  description: string | undefined;
}

export async function loadSharedThreadPage(db: DbOrTx, threadId: number, page: number): Promise<SharedThreadPage> {
  const [scope, rows, tags, opening] = await Promise.all([
    findThreadContext(db, threadId),
    postRowsOnPage(db, threadId, page),
    tagsForThreads(db, [threadId]),
    page > 1 ? firstPost(db, threadId) : undefined,
  ]);
  const authors = await authorsByIds(db, rows.map((p) => p.authorId));
  const first = opening ?? (rows[0]?.number === 1 ? rows[0] : undefined);
  const description = first && !first.deletedAt ? excerpt(first.raw, 160) : undefined;
  return { scope, posts: rows, authors, tags: tags.get(threadId) ?? [], description };
}

/** A shared page as one viewer sees it: their own likes added (a guest likes nothing). */
export async function viewOfSharedPage(shared: SharedThreadPage, likesOf: (postIds: number[]) => Promise<Set<number>> | undefined): Promise<PostView[]> {
  const liked = (await likesOf(shared.posts.map((p) => p.id))) ?? new Set<number>();
  return shared.posts.map((post) => ({ post, author: shared.authors.get(post.authorId), liked: liked.has(post.id) }));
}

/** Posts of a thread in the order of `ids` (a page of a plugin-ordered thread); ids of other threads are ignored. */
export async function postsByIds(db: DbOrTx, threadId: number, ids: number[], viewerId: number | null): Promise<PostView[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(posts).where(and(eq(posts.threadId, threadId), inArray(posts.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return withAuthors(db, ids.flatMap((id) => byId.get(id) ?? []), viewerId);
}

/** Posts after a number (new replies for an open page), at most one page's worth more than a page. */
export async function postsAfter(db: DbOrTx, threadId: number, after: number, viewerId: number | null): Promise<PostView[]> {
  const rows = await db
    .select()
    .from(posts)
    .where(and(eq(posts.threadId, threadId), gt(posts.number, after)))
    .orderBy(asc(posts.number))
    .limit(POSTS_PER_PAGE * 2);
  return withAuthors(db, rows, viewerId);
}

export async function withAuthors(db: DbOrTx, rows: Post[], viewerId: number | null): Promise<PostView[]> {
  const [people, liked] = await Promise.all([
    authorsByIds(db, rows.map((p) => p.authorId)),
    likedByViewer(db, viewerId, rows.map((p) => p.id)),
  ]);
  return rows.map((post) => ({ post, author: people.get(post.authorId), liked: liked.has(post.id) }));
}

export async function firstPost(db: DbOrTx, threadId: number): Promise<Post | undefined> {
  const [row] = await db.select().from(posts).where(and(eq(posts.threadId, threadId), eq(posts.number, 1))).limit(1);
  return row;
}

/**
 * Views are counted without holding up the page: the UPDATE runs after the response is on its way,
 * and a failure is only logged.
 */

