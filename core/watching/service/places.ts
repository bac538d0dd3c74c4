import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/index.ts';
import { canReadCategory, canSeeDeleted, type Viewer } from '../../forum/permissions.ts';
import { categories, threads, type Category, type Thread } from '../../forum/schema.ts';

const parents = alias(categories, 'parent_category');

/** A thread the viewer may read, with its category and parent, in one query; undefined otherwise. */
export async function readableThread(
  db: DbOrTx,
  viewer: Viewer,
  threadId: number,
): Promise<{ thread: Thread; category: Category; parent: Category | null } | undefined> {
  const [row] = await db
    .select({ thread: threads, category: categories, parent: parents })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .leftJoin(parents, eq(parents.id, categories.parentId))
    .where(eq(threads.id, threadId))
    .limit(1);
  if (!row || !canReadCategory(viewer, row.category, row.parent)) return undefined;
  if (row.thread.deletedAt && !canSeeDeleted(viewer)) return undefined;
  return row;
}

export async function readableCategory(
  db: DbOrTx,
  viewer: Viewer,
  slug: string,
): Promise<{ category: Category; parent: Category | null } | undefined> {
  const [row] = await db
    .select({ category: categories, parent: parents })
    .from(categories)
    .leftJoin(parents, eq(parents.id, categories.parentId))
    .where(eq(categories.slug, slug))
    .limit(1);
  if (!row || !canReadCategory(viewer, row.category, row.parent)) return undefined;
  return row;
}
