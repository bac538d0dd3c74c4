import { and, eq, gt, isNotNull, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import { posts, users, type Db } from '../../../core/plugins/api.ts';
import { pollsResponses, type Giveaway } from '../schema.ts';

/**
 * Who may win, by the giveaway's rule: members who replied in its thread, voted in its linked poll, or
 * registered before the cut-off. Never its author, never a member who may not act (banned, suspended),
 * and, when a cut-off is set, only accounts created before it.
 */
export async function eligibleUserIds(db: Db, giveaway: Giveaway, now = new Date()): Promise<number[]> {
  const conditions: (SQL | undefined)[] = [
    or(eq(users.status, 'active'), and(isNotNull(users.statusUntil), lte(users.statusUntil, now))),
    giveaway.authorId === null ? undefined : ne(users.id, giveaway.authorId),
    giveaway.registeredBefore ? lt(users.createdAt, giveaway.registeredBefore) : undefined,
  ];
  let rows: { id: number }[];
  if (giveaway.rule === 'replied') {
    rows = await db
      .selectDistinct({ id: users.id })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(and(eq(posts.threadId, giveaway.threadId), gt(posts.number, 1), isNull(posts.deletedAt), lte(posts.createdAt, now), ...conditions));
  } else if (giveaway.rule === 'voted') {
    if (giveaway.pollId === null) return [];
    rows = await db
      .select({ id: users.id })
      .from(pollsResponses)
      .innerJoin(users, eq(users.id, pollsResponses.userId))
      .where(and(eq(pollsResponses.pollId, giveaway.pollId), ...conditions));
  } else {
    rows = await db.select({ id: users.id }).from(users).where(and(...conditions));
  }
  return rows.map((r) => r.id);
}
