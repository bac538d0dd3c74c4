import { categories, threads } from '../../core/db/schema.ts';
import type { Db } from '../../core/db/index.ts';
import type { AccessLevel } from '../../core/forum/schema.ts';

/** Rows inserted directly: plugin tests exercise the plugin runtime, not the forum's services. */
export async function insertCategory(db: Db, name: string, readAccess: AccessLevel = 'everyone') {
  const [row] = await db.insert(categories).values({ name, slug: name.toLowerCase(), readAccess }).returning();
  return row!;
}

export async function insertThread(db: Db, categoryId: number, authorId: number, title = 'A thread') {
  const [row] = await db.insert(threads).values({ categoryId, authorId, title, slug: 'a-thread' }).returning();
  return row!;
}
