import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { categories, threads } from '../forum/schema.ts';

export const SCHEDULED_LIMIT = 200;

/** The operations calendar (运营日历): scheduled threads in the categories given, soonest first. */
export async function scheduledThreads(db: DbOrTx, categoryIds: number[] | 'all') {
  if (categoryIds !== 'all' && categoryIds.length === 0) return [];
  return db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      publishAt: threads.publishAt,
      categoryId: threads.categoryId,
      categoryName: categories.name,
      authorName: users.username,
    })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .where(and(isNotNull(threads.publishAt), isNull(threads.deletedAt), categoryIds === 'all' ? undefined : inArray(threads.categoryId, categoryIds)))
    .orderBy(asc(threads.publishAt), asc(threads.id))
    .limit(SCHEDULED_LIMIT);
}

export type ScheduledThread = Awaited<ReturnType<typeof scheduledThreads>>[number];
