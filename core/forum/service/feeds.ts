import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { excerpt } from '../../markdown/index.ts';
import { posts } from '../schema.ts';
import type { CategoryAccess } from './access.ts';
import { listThreads, type ThreadListItem } from './listings.ts';

export interface FeedEntry extends ThreadListItem {
  summary: string;
}

const FEED_SIZE = 30;

/** The newest threads with an excerpt of their first post. Callers pass a guest's access: feeds are public. */
export async function feedEntries(db: DbOrTx, access: CategoryAccess, categoryIds?: number[]): Promise<FeedEntry[]> {
  const { items } = await listThreads(db, access, { kind: 'new', categoryIds, limit: FEED_SIZE });
  if (items.length === 0) return [];
  const firsts = await db
    .select({ threadId: posts.threadId, raw: posts.raw })
    .from(posts)
    .where(and(inArray(posts.threadId, items.map((i) => i.thread.id)), eq(posts.number, 1)));
  const raws = new Map(firsts.map((p) => [p.threadId, p.raw]));
  return items.map((item) => ({ ...item, summary: excerpt(raws.get(item.thread.id) ?? '', 300) }));
}
