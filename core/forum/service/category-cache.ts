import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { categories, type Category } from '../schema.ts';

/**
 * Every page needs the category list to know what the viewer may read, and categories are few:
 * keep them in memory. Changes made in this process drop the copy at once; the short lifetime
 * bounds how long another instance's change stays unseen.
 */
const TTL_MS = 5000;
let cached: { at: number; list: Promise<Category[]> } | undefined;

export function invalidateCategories(): void {
  cached = undefined;
}

/** All categories ordered by position (counts in this copy may be a few seconds old). */
export function allCategories(db: DbOrTx): Promise<Category[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.list;
  const list = Promise.resolve(db.select().from(categories).orderBy(asc(categories.position), asc(categories.id)));
  const entry = { at: Date.now(), list };
  cached = entry;
  list.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return list;
}
