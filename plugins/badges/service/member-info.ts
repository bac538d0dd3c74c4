import { eq, sql } from 'drizzle-orm';
import { prepared, type SharedReads } from '../../../core/plugins/api.ts';
import { badgesBadges, badgesMembers, type Badge, type Level } from '../schema.ts';
import { cachedLevels, levelFor } from './levels.ts';
import type { DbOrTx } from './tx.ts';

/** What is shown beside a member's name: level, custom title, the badge they chose. */
export interface MemberFlair {
  userId: number;
  level: Level | { level: number; name: null; minPoints: number; badgeId: null };
  title: string | null;
  badge: Pick<Badge, 'id' | 'slug' | 'builtin' | 'name' | 'tier'> | null;
  balance: number;
  lifetime: number;
}

/** Flair for many members in two queries (their totals with the chosen badge, and the level table). */
export async function loadFlair(db: DbOrTx, userIds: readonly number[]): Promise<Map<number, MemberFlair>> {
  const ids = [...new Set(userIds)];
  const out = new Map<number, MemberFlair>();
  if (!ids.length) return out;
  const query = prepared(db, 'badges.flair', (d) =>
    d
      .select({
        userId: badgesMembers.userId,
        lifetime: badgesMembers.lifetime,
        balance: badgesMembers.balance,
        title: badgesMembers.title,
        badgeId: badgesBadges.id,
        slug: badgesBadges.slug,
        builtin: badgesBadges.builtin,
        name: badgesBadges.name,
        tier: badgesBadges.tier,
      })
      .from(badgesMembers)
      .leftJoin(badgesBadges, eq(badgesBadges.id, badgesMembers.featuredBadgeId))
      .where(sql`${badgesMembers.userId} = any(${sql.placeholder('ids')}::int[])`)
      .prepare('badges_flair'),
  );
  const [rows, levels] = await Promise.all([query.execute({ ids }), cachedLevels(db)]);
  const byId = new Map(rows.map((r) => [r.userId, r]));
  for (const id of ids) {
    const r = byId.get(id);
    out.set(id, {
      userId: id,
      level: levelFor(levels, r?.lifetime ?? 0),
      title: r?.title ?? null,
      badge: r?.badgeId != null ? { id: r.badgeId, slug: r.slug!, builtin: r.builtin!, name: r.name, tier: r.tier! } : null,
      balance: r?.balance ?? 0,
      lifetime: r?.lifetime ?? 0,
    });
  }
  return out;
}

/** How many flair batches ran (tests check that a page of posts costs one). */
export const flairStats = { batches: 0 };

/**
 * Slots render once per post. The slot's preload primes this loader with every author of the page before it
 * renders, so each byline renders at once from what is known; a byline rendered without a preload (a single
 * post's fragment) asks for its author, and all such asks within one render pass share one loadFlair() call.
 * One loader per page view (keyed by its view context).
 */
export class FlairLoader {
  private known = new Map<number, MemberFlair | undefined>();
  private pending = new Map<number, ((flair: MemberFlair | undefined) => void)[]>();
  private scheduled = false;

  constructor(
    private readonly db: DbOrTx,
    private readonly shared?: SharedReads<Map<number, MemberFlair>>,
  ) {}

  /** Loads the flair of all these members in one batch (shared with other views of the same page when a store is given). */
  async prime(userIds: readonly number[]): Promise<void> {
    const missing = [...new Set(userIds)].filter((id) => !this.known.has(id));
    if (!missing.length) return;
    const load = () => {
      flairStats.batches += 1;
      return loadFlair(this.db, missing);
    };
    const flair = await (this.shared ? this.shared.get([...missing].sort((a, b) => a - b).join(), load) : load());
    for (const id of missing) this.known.set(id, flair.get(id));
  }

  /** What was primed: the member's flair, undefined when they have none, or 'unknown' when never loaded. */
  peek(userId: number): MemberFlair | undefined | 'unknown' {
    return this.known.has(userId) ? this.known.get(userId) : 'unknown';
  }

  load(userId: number): Promise<MemberFlair | undefined> {
    if (this.known.has(userId)) return Promise.resolve(this.known.get(userId));
    return new Promise((resolve) => {
      const waiting = this.pending.get(userId) ?? [];
      waiting.push(resolve);
      this.pending.set(userId, waiting);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    flairStats.batches += 1;
    try {
      const flair = await loadFlair(this.db, [...batch.keys()]);
      for (const [id, waiting] of batch) {
        this.known.set(id, flair.get(id));
        for (const resolve of waiting) resolve(flair.get(id));
      }
    } catch {
      for (const waiting of batch.values()) for (const resolve of waiting) resolve(undefined);
    }
  }
}

const loaders = new WeakMap<object, FlairLoader>();

/** The loader of one page view; `shared` keeps a page's authors' flair for every viewer for a few seconds. */
export function flairLoader(db: DbOrTx, key: object, shared?: SharedReads<Map<number, MemberFlair>>): FlairLoader {
  let loader = loaders.get(key);
  if (!loader) {
    loader = new FlairLoader(db, shared);
    loaders.set(key, loader);
  }
  return loader;
}
