import { asc } from 'drizzle-orm';
import { badgesLevels, type Level } from '../schema.ts';
import type { DbOrTx } from './tx.ts';

/** Shipped thresholds (lifetime points); names come from the locale files until an admin renames a level. */
export const defaultLevels: readonly { level: number; minPoints: number }[] = [
  { level: 1, minPoints: 0 },
  { level: 2, minPoints: 50 },
  { level: 3, minPoints: 200 },
  { level: 4, minPoints: 500 },
  { level: 5, minPoints: 1000 },
  { level: 6, minPoints: 2000 },
  { level: 7, minPoints: 5000 },
  { level: 8, minPoints: 10000 },
  { level: 9, minPoints: 20000 },
];

export async function seedLevels(db: DbOrTx): Promise<void> {
  const existing = await db.select({ level: badgesLevels.level }).from(badgesLevels).limit(1);
  if (existing.length) return;
  await db.insert(badgesLevels).values([...defaultLevels]).onConflictDoNothing();
}

/** Async on purpose: a drizzle query is a thenable that runs again on every `await`, and this is cached. */
export async function loadLevels(db: DbOrTx): Promise<Level[]> {
  return await db.select().from(badgesLevels).orderBy(asc(badgesLevels.minPoints));
}

/** Levels are read for every name on a page and change only on the admin page: kept a few seconds per database. */
const LEVELS_CACHE_MS = 5000;
const levelsCache = new WeakMap<object, { at: number; levels: Promise<Level[]> }>();

export function cachedLevels(db: DbOrTx, now = Date.now()): Promise<Level[]> {
  const hit = levelsCache.get(db);
  if (hit && now - hit.at < LEVELS_CACHE_MS) return hit.levels;
  const levels = loadLevels(db);
  levelsCache.set(db, { at: now, levels });
  levels.catch(() => levelsCache.delete(db));
  return levels;
}

/** After an admin edits the levels (other instances see the change within a few seconds). */
export function forgetCachedLevels(db: DbOrTx): void {
  levelsCache.delete(db);
}

/** The highest level whose threshold the points reach (level 1 when none is defined or reached). */
export function levelFor(levels: readonly Level[], lifetime: number): Level | { level: number; name: null; minPoints: number; badgeId: null } {
  let found: Level | undefined;
  for (const l of levels) if (l.minPoints <= lifetime && (!found || l.minPoints >= found.minPoints)) found = l;
  return found ?? { level: 1, name: null, minPoints: 0, badgeId: null };
}

/** The next level up, for progress bars. */
export function nextLevel(levels: readonly Level[], lifetime: number): Level | null {
  return levels.filter((l) => l.minPoints > lifetime).sort((a, b) => a.minPoints - b.minPoints)[0] ?? null;
}
