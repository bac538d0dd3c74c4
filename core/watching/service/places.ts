import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/index.ts';
import { canReadCategory, type Viewer } from '../../forum/permissions.ts';
import { readableThreadContext } from '../../forum/service/lookup.ts';
import { categories, type Category } from '../../forum/schema.ts';

const parents = alias(categories, 'parent_category');

/** A thread the viewer may read, with its category and parent; undefined otherwise. */
export function readableThread(db: DbOrTx, viewer: Viewer, threadId: number) {
  return readableThreadContext(db, viewer, threadId);
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
