import { and, desc, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import type { Category, Thread } from '../schema.ts';
import { threads, threadTags } from '../schema.ts';
import type { CategoryAccess } from './access.ts';
import type { Cursor } from './cursor.ts';
import { authorsByIds, type Author } from './people.ts';
import { tagsForThreads } from './tags.ts';
import { listedThread } from './visibility.ts';

export type ListingKind = 'latest' | 'new' | 'featured' | 'top';
export const topPeriods = { day: 1, week: 7, month: 30, all: null } as const;
export type TopPeriod = keyof typeof topPeriods;

export const PAGE_SIZE = 30;
const TOP_LIMIT = 50;

export interface ThreadListItem {
  thread: Thread;
  category: Category;
  author: Author | undefined;
  lastPoster: Author | undefined;
  tags: string[];
  /** For a signed-in viewer: posts after the last one they read (threads they opened). */
  unread?: { unread: number; firstUnreadNumber: number };
}

export interface ListingQuery {
  kind: ListingKind;
  /** Narrows to these categories (already limited to readable ones); default every readable category. */
  categoryIds?: number[];
  tagId?: number;
  before?: Cursor | null;
  period?: TopPeriod;
  /** Pinned threads shown in their own block above the list are left out of it. */
  excludePinned?: 'global' | 'any';
  limit?: number;
}

export interface ListingPage {
  items: ThreadListItem[];
  /** Cursor for the next page, null on the last one. */
  next: Cursor | null;
}

/**
 * One page of threads in the viewer's readable categories. Latest, new and featured page by keyset
 * on (timestamp, id), matching the (… desc, id desc) indexes; top is a ranked, limited list.
 */
export async function listThreads(db: DbOrTx, access: CategoryAccess, query: ListingQuery): Promise<ListingPage> {
  const ids = query.categoryIds ?? access.readableIds;
  if (ids.length === 0) return { items: [], next: null };
  const sortColumn = query.kind === 'new' ? threads.createdAt : threads.lastPostAt;
  const conditions: SQL[] = [inArray(threads.categoryId, ids), listedThread()];
  if (query.kind === 'featured') conditions.push(eq(threads.featured, true));
  if (query.tagId !== undefined) {
    conditions.push(inArray(threads.id, db.select({ id: threadTags.threadId }).from(threadTags).where(eq(threadTags.tagId, query.tagId))));
  }
  if (query.excludePinned === 'global') conditions.push(ne(threads.pinned, 'global'));
  if (query.excludePinned === 'any') conditions.push(eq(threads.pinned, 'none'));

  if (query.kind === 'top') {
    const days = topPeriods[query.period ?? 'week'];
    if (days !== null) conditions.push(gte(threads.createdAt, new Date(Date.now() - days * 86_400_000)));
    const rows = await db
      .select()
      .from(threads)
      .where(and(...conditions))
      .orderBy(desc(sql`${threads.likeCount} + ${threads.replyCount}`), desc(threads.lastPostAt), desc(threads.id))
      .limit(TOP_LIMIT);
    return { items: await hydrate(db, access, rows), next: null };
  }

  if (query.before) {
    conditions.push(sql`(${sortColumn}, ${threads.id}) < (${query.before.at.toISOString()}::timestamptz, ${query.before.id})`);
  }
  const limit = query.limit ?? PAGE_SIZE;
  const rows = await db
    .select()
    .from(threads)
    .where(and(...conditions))
    .orderBy(desc(sortColumn), desc(threads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? { at: query.kind === 'new' ? last.createdAt : last.lastPostAt, id: last.id } : null;
  return { items: await hydrate(db, access, page), next };
}

/** Pinned threads for the block above a list: global pins site-wide, or every pin within some categories. */
export async function pinnedThreads(db: DbOrTx, access: CategoryAccess, scope: { categoryIds?: number[] }): Promise<ThreadListItem[]> {
  const ids = scope.categoryIds ?? access.readableIds;
  if (ids.length === 0) return [];
  const pinned = scope.categoryIds ? ne(threads.pinned, 'none') : eq(threads.pinned, 'global');
  const rows = await db
    .select()
    .from(threads)
    .where(and(pinned, inArray(threads.categoryId, ids), listedThread()))
    .orderBy(desc(threads.pinned), desc(threads.lastPostAt), desc(threads.id))
    .limit(20);
  return hydrate(db, access, rows);
}

/** Authors and tags for a page of threads: two queries whatever the page size. */
export async function hydrate(db: DbOrTx, access: CategoryAccess, rows: Thread[]): Promise<ThreadListItem[]> {
  const [people, tags] = await Promise.all([
    authorsByIds(db, rows.flatMap((t) => [t.authorId, t.lastPosterId])),
    tagsForThreads(db, rows.map((t) => t.id)),
  ]);
  const items: ThreadListItem[] = [];
  for (const thread of rows) {
    const category = access.get(thread.categoryId);
    if (!category) continue;
    items.push({
      thread,
      category,
      author: people.get(thread.authorId),
      lastPoster: thread.lastPosterId === null ? undefined : people.get(thread.lastPosterId),
      tags: tags.get(thread.id) ?? [],
    });
  }
  return items;
}
