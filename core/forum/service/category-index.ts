import { and, desc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { categories, threads, type Thread } from '../schema.ts';
import type { CategoryAccess } from './access.ts';
import { listedThread } from './visibility.ts';

export interface CategoryStats {
  threadCount: number;
  postCount: number;
  latest: Pick<Thread, 'id' | 'title' | 'slug' | 'lastPostAt'> | undefined;
}

/** Fresh counts and the most recently active thread of every readable category: two queries. */
export async function categoryStats(db: DbOrTx, access: CategoryAccess): Promise<Map<number, CategoryStats>> {
  const ids = access.readableIds;
  const out = new Map<number, CategoryStats>();
  if (ids.length === 0) return out;
  const [counts, latest] = await Promise.all([
    db
      .select({ id: categories.id, threadCount: categories.threadCount, postCount: categories.postCount })
      .from(categories)
      .where(inArray(categories.id, ids)),
    // one row per category, straight off the (category_id, last_post_at desc, id desc) index
    db
      .selectDistinctOn([threads.categoryId], {
        categoryId: threads.categoryId,
        id: threads.id,
        title: threads.title,
        slug: threads.slug,
        lastPostAt: threads.lastPostAt,
      })
      .from(threads)
      .where(and(inArray(threads.categoryId, ids), listedThread()))
      .orderBy(threads.categoryId, desc(threads.lastPostAt), desc(threads.id)),
  ]);
  const latestBy = new Map(latest.map((t) => [t.categoryId, t]));
  for (const row of counts) {
    out.set(row.id, { threadCount: row.threadCount, postCount: row.postCount, latest: latestBy.get(row.id) });
  }
  return out;
}


/** A parent's figures include its (readable) sub-categories: the counts add up, the latest thread is the newest of all. */
export function rollUp(stats: Map<number, CategoryStats>, ids: number[]): CategoryStats {
  const parts = ids.map((id) => stats.get(id)).filter((s): s is CategoryStats => s !== undefined);
  const latest = parts
    .map((s) => s.latest)
    .filter((t): t is NonNullable<CategoryStats['latest']> => t !== undefined)
    .sort((a, b) => b.lastPostAt.getTime() - a.lastPostAt.getTime())[0];
  return {
    threadCount: parts.reduce((n, s) => n + s.threadCount, 0),
    postCount: parts.reduce((n, s) => n + s.postCount, 0),
    latest,
  };
}
