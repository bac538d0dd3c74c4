import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { flairColor, type Flair } from './flair.ts';
import { groups, type Group } from './schema.ts';

/** Groups are few and read on every page with posts: kept in memory like categories, briefly. */
const TTL_MS = 5000;
let cached: { at: number; list: Promise<Group[]> } | undefined;

export function invalidateGroups(): void {
  cached = undefined;
}

export function allGroups(db: DbOrTx): Promise<Group[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.list;
  const list = Promise.resolve(db.select().from(groups).orderBy(asc(groups.nameKey)));
  const entry = { at: Date.now(), list };
  cached = entry;
  list.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return list;
}

/** The flairs for members' group ids, from the cached group list: no query per member. */
export async function flairLookup(db: DbOrTx): Promise<(ids: readonly number[]) => Flair[]> {
  const byId = new Map((await allGroups(db)).filter((g) => g.flair !== '').map((g) => [g.id, g]));
  return (ids) =>
    ids.flatMap((id) => {
      const g = byId.get(id);
      return g ? [{ groupId: g.id, label: g.flair, color: flairColor(g.flairColor), name: g.name }] : [];
    });
}
