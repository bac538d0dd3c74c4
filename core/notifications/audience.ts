import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { userBlocks } from '../conversations/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { canReadCategory } from '../forum/permissions.ts';
import { categories, type Category } from '../forum/schema.ts';
import { levelsFor, type ThreadPlace } from '../watching/index.ts';

/** Where the content is and who made it: enough to decide who may hear about it. */
export interface Audience {
  actorId: number;
  /** threadId null: a new thread, judged by the category's levels. */
  place: ThreadPlace;
  category: Category;
  parent: Category | null;
}

export async function parentOf(db: DbOrTx, category: Category): Promise<Category | null> {
  if (category.parentId === null) return null;
  const [parent] = await db.select().from(categories).where(eq(categories.id, category.parentId)).limit(1);
  return parent ?? null;
}

/**
 * The candidates who may be notified: never the actor, only members who can read the category (and its
 * parent), who have not muted the thread or category, and who have not blocked the actor.
 */
export async function deliverable(db: DbOrTx, audience: Audience, candidates: Iterable<number>): Promise<Set<number>> {
  const ids = [...new Set(candidates)].filter((id) => id !== audience.actorId);
  if (ids.length === 0) return new Set();
  const [people, levels, blockers] = await Promise.all([
    db.select({ id: users.id, role: users.role, status: users.status, statusUntil: users.statusUntil }).from(users).where(inArray(users.id, ids)),
    levelsFor(db, ids, audience.place),
    db
      .select({ id: userBlocks.blockerId })
      .from(userBlocks)
      .where(and(eq(userBlocks.blockedId, audience.actorId), inArray(userBlocks.blockerId, ids))),
  ]);
  const blocked = new Set(blockers.map((b) => b.id));
  const out = new Set<number>();
  for (const person of people) {
    if (blocked.has(person.id) || levels.get(person.id) === 'muted') continue;
    if (!canReadCategory(person, audience.category, audience.parent)) continue;
    out.add(person.id);
  }
  return out;
}
