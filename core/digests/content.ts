import { and, count, desc, eq, gt, inArray, max, ne, notInArray } from 'drizzle-orm';
import { users, type User } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { categoryAccess } from '../forum/service/access.ts';
import { threadPath } from '../forum/service/slug.ts';
import { listedThread, publicPost } from '../forum/service/visibility.ts';
import { categories, posts, threads } from '../forum/schema.ts';
import { excerpt } from '../markdown/index.ts';
import { unreadCount } from '../notifications/index.ts';

export interface DigestThread {
  id: number;
  title: string;
  path: string;
  categoryName: string;
  authorName: string;
  replyCount: number;
  /** Replies since the last digest (the "most active" list). */
  newReplies: number;
  excerpt: string;
}

export interface DigestContent {
  since: Date;
  /** Threads with the most replies since `since`. */
  active: DigestThread[];
  /** Threads started since `since`, newest first (not repeated from `active`). */
  fresh: DigestThread[];
  unreadNotifications: number;
}

const LIST_SIZE = 5;
const EXCERPT_CHARS = 180;

/** Categories the member can read (parent rules included), narrowed to their chosen ones and those below them. */
export async function digestCategoryIds(db: DbOrTx, user: User, chosen: readonly number[]): Promise<number[]> {
  const all = await db.select().from(categories);
  const access = categoryAccess(all, user);
  if (chosen.length === 0) return access.readableIds;
  return access.readable.filter((c) => chosen.includes(c.id) || (c.parentId !== null && chosen.includes(c.parentId))).map((c) => c.id);
}

/** What a digest shows: only live threads in categories the member may read, and nothing of their own in "new". */
export async function buildDigest(db: DbOrTx, user: User, chosenCategories: readonly number[], since: Date): Promise<DigestContent> {
  const unreadNotifications = await unreadCount(db, user.id);
  const categoryIds = await digestCategoryIds(db, user, chosenCategories);
  if (categoryIds.length === 0) return { since, active: [], fresh: [], unreadNotifications };
  const visible = and(listedThread(), inArray(threads.categoryId, categoryIds));
  const activity = await db
    .select({ threadId: posts.threadId, n: count() })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(gt(posts.createdAt, since), publicPost(), gt(posts.number, 1), visible))
    .groupBy(posts.threadId)
    .orderBy(desc(count()), desc(max(posts.id)))
    .limit(LIST_SIZE);
  const activeIds = activity.map((a) => a.threadId);
  const freshRows = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(gt(threads.createdAt, since), ne(threads.authorId, user.id), visible, activeIds.length ? notInArray(threads.id, activeIds) : undefined))
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(LIST_SIZE);
  const details = await threadDetails(db, [...activeIds, ...freshRows.map((r) => r.id)]);
  const newReplies = new Map(activity.map((a) => [a.threadId, a.n]));
  const pick = (id: number) => {
    const d = details.get(id);
    return d ? [{ ...d, newReplies: newReplies.get(id) ?? 0 }] : [];
  };
  return {
    since,
    active: activeIds.flatMap(pick),
    fresh: freshRows.flatMap((r) => pick(r.id)),
    unreadNotifications,
  };
}

/** Title, category, author and opening-post excerpt of each thread, in one query. */
async function threadDetails(db: DbOrTx, ids: number[]): Promise<Map<number, Omit<DigestThread, 'newReplies'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      replyCount: threads.replyCount,
      categoryName: categories.name,
      authorName: users.displayName,
      raw: posts.raw,
      postDeletedAt: posts.deletedAt,
    })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(posts, and(eq(posts.threadId, threads.id), eq(posts.number, 1)))
    .where(inArray(threads.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        path: threadPath(r),
        categoryName: r.categoryName,
        authorName: r.authorName,
        replyCount: r.replyCount,
        // a deleted opening post keeps its words out of mail
        excerpt: r.raw && !r.postDeletedAt ? excerpt(r.raw, EXCERPT_CHARS) : '',
      },
    ]),
  );
}

export function isEmptyDigest(content: DigestContent): boolean {
  return content.active.length === 0 && content.fresh.length === 0;
}
