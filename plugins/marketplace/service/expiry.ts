import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { threads } from '../../../core/plugins/api.ts';
import { activeStatuses, marketplaceListings, marketplaceStatusChanges } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';
import { threadUrl } from './load.ts';
import { reindexQuietly } from './search.ts';

export const SWEEP_JOB = 'sweep';
const day = 24 * 60 * 60 * 1000;
const batch = 500;

function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * The periodic job: reminds sellers reminderDays before expiry (once per expiry date: the row is claimed
 * with `reminded_at IS NULL`, and the notification carries a dedupe key), then expires what is due.
 * Running it twice, or on two instances at once, sends nothing twice.
 */
export async function sweepListings(api: MarketplaceApi, now = new Date()): Promise<{ reminded: number; expired: number }> {
  const { reminderDays } = await api.settings();
  const { timeZone } = await api.site();
  let reminded = 0;
  const due = await api.db
    .select({ id: marketplaceListings.id, sellerId: marketplaceListings.sellerId, expiresAt: marketplaceListings.expiresAt, threadId: threads.id, title: threads.title, slug: threads.slug })
    .from(marketplaceListings)
    .innerJoin(threads, eq(threads.id, marketplaceListings.threadId))
    .where(
      and(
        inArray(marketplaceListings.status, [...activeStatuses]),
        isNull(marketplaceListings.remindedAt),
        lte(marketplaceListings.expiresAt, new Date(now.getTime() + reminderDays * day)),
      ),
    )
    .limit(batch);
  for (const row of due) {
    if (row.expiresAt <= now) continue; // about to expire in this run: the expiry notice says it all
    const [claimed] = await api.db
      .update(marketplaceListings)
      .set({ remindedAt: now })
      .where(and(eq(marketplaceListings.id, row.id), isNull(marketplaceListings.remindedAt)))
      .returning({ id: marketplaceListings.id });
    if (!claimed) continue;
    await api.notify({
      userId: row.sellerId,
      type: 'expiring',
      data: { title: row.title, date: isoDay(row.expiresAt, timeZone) },
      url: threadUrl({ id: row.threadId, slug: row.slug }),
      dedupeKey: `expiring:${row.id}:${row.expiresAt.getTime()}`,
    });
    reminded += 1;
  }

  const expired = await api.db.transaction(async (tx) => {
    const all = [];
    // one UPDATE per current status, so the history records where each listing came from
    for (const from of activeStatuses) {
      const rows = await tx
        .update(marketplaceListings)
        .set({ status: 'expired', updatedAt: now })
        .where(and(eq(marketplaceListings.status, from), lte(marketplaceListings.expiresAt, now)))
        .returning();
      if (rows.length > 0) {
        await tx.insert(marketplaceStatusChanges).values(rows.map((r) => ({ listingId: r.id, fromStatus: from, toStatus: 'expired' as const, byId: null, at: now })));
      }
      all.push(...rows);
    }
    return all;
  });
  await reindexQuietly(api, expired.map((r) => r.id));
  const titles = expired.length
    ? await api.db.select({ id: threads.id, title: threads.title, slug: threads.slug }).from(threads).where(inArray(threads.id, expired.map((r) => r.threadId)))
    : [];
  const byId = new Map(titles.map((t) => [t.id, t]));
  for (const row of expired) {
    const thread = byId.get(row.threadId);
    if (!thread) continue;
    await api.notify({
      userId: row.sellerId,
      type: 'expired',
      data: { title: thread.title },
      url: threadUrl({ id: row.threadId, slug: thread.slug }),
      dedupeKey: `expired:${row.id}:${row.expiresAt.getTime()}`,
    });
  }
  return { reminded, expired: expired.length };
}
