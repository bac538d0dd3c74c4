import { paths } from '../paths.ts';
import type { BadgesApi } from '../settings.ts';
import { awardBadge } from './award.ts';
import { localDay } from './days.ts';
import { record, type LedgerInput, type Recorded } from './ledger.ts';
import type { Tx } from './tx.ts';
import { badgesBadges } from '../schema.ts';
import { eq } from 'drizzle-orm';

/** "Today" for hooks and jobs: the calendar day in the forum's time zone. */
export async function forumDay(api: BadgesApi, at = new Date()): Promise<string> {
  return localDay(at, (await api.site()).timeZone);
}

/** What a member's level-up brings, after the transaction committed: a notification and the level's badge. */
export async function afterRecorded(api: BadgesApi, done: readonly (Recorded | null)[]): Promise<void> {
  for (const r of done) {
    if (!r?.levelUp) continue;
    const { level, badgeId } = r.levelUp;
    await api.notify({ userId: r.entry.userId, type: 'levelUp', data: { level }, url: paths.me, dedupeKey: `level:${level}` });
    if (badgeId) {
      const [badge] = await api.db.select({ id: badgesBadges.id, slug: badgesBadges.slug }).from(badgesBadges).where(eq(badgesBadges.id, badgeId));
      if (badge) await awardBadge(api, r.entry.userId, badge, { note: `level ${level}` });
    }
  }
}

/** Records entries in one transaction, then runs their effects. */
export async function inLedger<T extends Recorded | null>(api: BadgesApi, work: (tx: Tx) => Promise<T[]>): Promise<T[]> {
  const done = await api.db.transaction((tx) => work(tx));
  await afterRecorded(api, done);
  return done;
}

/** One grant (or take), with its effects. */
export async function grant(api: BadgesApi, input: Omit<LedgerInput, 'day'> & { day?: string }): Promise<Recorded | null> {
  const day = input.day ?? (await forumDay(api));
  const [done] = await inLedger(api, async (tx) => [await record(tx, { ...input, day })]);
  return done ?? null;
}
