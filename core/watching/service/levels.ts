import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { categories, threads } from '../../forum/schema.ts';
import { categoryWatches, threadWatches, type WatchLevel } from '../schema.ts';

export async function setThreadWatch(db: DbOrTx, userId: number, threadId: number, level: WatchLevel): Promise<void> {
  await db
    .insert(threadWatches)
    .values({ userId, threadId, level })
    .onConflictDoUpdate({ target: [threadWatches.userId, threadWatches.threadId], set: { level, updatedAt: sql`now()` } });
}

export async function setCategoryWatch(db: DbOrTx, userId: number, categoryId: number, level: WatchLevel): Promise<void> {
  await db
    .insert(categoryWatches)
    .values({ userId, categoryId, level })
    .onConflictDoUpdate({ target: [categoryWatches.userId, categoryWatches.categoryId], set: { level, updatedAt: sql`now()` } });
}

/** Starting or replying makes a member watch the thread, unless they already chose a level for it. */
export async function watchByDefault(db: DbOrTx, userId: number, threadId: number): Promise<void> {
  await db.insert(threadWatches).values({ userId, threadId, level: 'watching' }).onConflictDoNothing();
}

const ownCategory = alias(categoryWatches, 'own_category_watch');
const parentCategory = alias(categoryWatches, 'parent_category_watch');
const parents = alias(categories, 'watch_parent_category');

/**
 * A thread's level for one member: their choice for the thread, else for its category, else for the
 * parent category, else 'normal'. One query.
 */
export async function watchLevel(db: DbOrTx, userId: number, threadId: number): Promise<WatchLevel> {
  const userIdParam = sql.placeholder('userId');
  const query = prepared(db, 'watching.threadLevel', (d) =>
    d
      .select({ level: sql<WatchLevel>`coalesce(${threadWatches.level}, ${ownCategory.level}, ${parentCategory.level}, 'normal')` })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .leftJoin(parents, eq(parents.id, categories.parentId))
      .leftJoin(threadWatches, and(eq(threadWatches.threadId, threads.id), eq(threadWatches.userId, userIdParam)))
      .leftJoin(ownCategory, and(eq(ownCategory.categoryId, categories.id), eq(ownCategory.userId, userIdParam)))
      .leftJoin(parentCategory, and(eq(parentCategory.categoryId, parents.id), eq(parentCategory.userId, userIdParam)))
      .where(eq(threads.id, sql.placeholder('threadId')))
      .limit(1)
      .prepare('watching_thread_level'),
  );
  const [row] = await query.execute({ userId, threadId });
  return row?.level ?? 'normal';
}

/** A category's level for one member: their choice for it, else for its parent, else 'normal'. */
export async function categoryWatchLevel(db: DbOrTx, userId: number, categoryId: number): Promise<WatchLevel> {
  const [row] = await db
    .select({ level: sql<WatchLevel>`coalesce(${ownCategory.level}, ${parentCategory.level}, 'normal')` })
    .from(categories)
    .leftJoin(ownCategory, and(eq(ownCategory.categoryId, categories.id), eq(ownCategory.userId, userId)))
    .leftJoin(parentCategory, and(eq(parentCategory.categoryId, categories.parentId), eq(parentCategory.userId, userId)))
    .where(eq(categories.id, categoryId))
    .limit(1);
  return row?.level ?? 'normal';
}

/** Where a thread sits, for the audience queries below. */
export interface ThreadPlace {
  threadId: number | null;
  categoryId: number;
  parentCategoryId: number | null;
}

/**
 * Members whose level for this thread (or, with threadId null, this category) is 'watching', honouring
 * overrides: a thread set to 'normal' in a watched category is not watched. Returns ids only.
 */
export async function watchersOf(db: DbOrTx, place: ThreadPlace): Promise<number[]> {
  const rows = await db.execute<{ user_id: number }>(sql`
    with candidates as (
      ${place.threadId === null ? sql`select null::int as user_id where false` : sql`select ${threadWatches.userId} as user_id from ${threadWatches} where ${threadWatches.threadId} = ${place.threadId} and ${threadWatches.level} = 'watching'`}
      union
      select ${categoryWatches.userId} from ${categoryWatches}
      where ${categoryWatches.categoryId} in (${place.categoryId}, ${place.parentCategoryId ?? place.categoryId}) and ${categoryWatches.level} = 'watching'
    )
    select c.user_id from candidates c
    where ${levelSql(sql`c.user_id`, place)} = 'watching'`);
  return rowsOf<{ user_id: number }>(rows).map((r) => Number(r.user_id));
}

/** Effective levels of several members for one place, in one query (members without any choice are 'normal'). */
export async function levelsFor(db: DbOrTx, userIds: number[], place: ThreadPlace): Promise<Map<number, WatchLevel>> {
  const out = new Map<number, WatchLevel>();
  if (userIds.length === 0) return out;
  const rows = await db.execute<{ id: number; level: WatchLevel }>(sql`
    select u.id, ${levelSql(sql`u.id`, place)} as level from ${users} u
    where u.id in (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})`);
  for (const r of rowsOf<{ id: number; level: WatchLevel }>(rows)) out.set(Number(r.id), r.level);
  return out;
}

function levelSql(userId: ReturnType<typeof sql>, place: ThreadPlace) {
  const thread =
    place.threadId === null
      ? sql`null`
      : sql`(select level from ${threadWatches} where ${threadWatches.userId} = ${userId} and ${threadWatches.threadId} = ${place.threadId})`;
  const own = sql`(select level from ${categoryWatches} where ${categoryWatches.userId} = ${userId} and ${categoryWatches.categoryId} = ${place.categoryId})`;
  const parent =
    place.parentCategoryId === null
      ? sql`null`
      : sql`(select level from ${categoryWatches} where ${categoryWatches.userId} = ${userId} and ${categoryWatches.categoryId} = ${place.parentCategoryId})`;
  return sql`coalesce(${thread}, ${own}, ${parent}, 'normal')::text`;
}

/** db.execute answers `{ rows }` on PGlite and an array on postgres.js. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
