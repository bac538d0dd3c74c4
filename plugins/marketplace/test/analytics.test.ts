import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.ts';
import zhCN from '../locales/zh-CN.ts';
import { marketplaceListings, marketplaceStatusChanges, type ListingStatus } from '../schema.ts';
import { listingStats } from '../service/stats.ts';
import { createListing, marketForum } from './helpers.ts';

const at = (iso: string) => new Date(iso);

describe('marketplace analytics: the listings panel', () => {
  it('counts listings created in the period, the sold ones and those active at its end, per category', async () => {
    const { forum, category, other, api } = await marketForum();
    const seller = await forum.member({ locale: 'en' });
    const db = forum.deps.db;
    /** A listing made through the form, then given a known creation time and status history. */
    const seed = async (createdAt: string, changes: [ListingStatus, ListingStatus, string][]) => {
      const listing = await createListing(forum, seller.client, category.id, { title: `Listing created ${createdAt}` });
      const status = changes.at(-1)?.[1] ?? 'available';
      await db.update(marketplaceListings).set({ createdAt: at(createdAt), status }).where(eq(marketplaceListings.id, listing.id));
      if (changes.length) {
        await db.insert(marketplaceStatusChanges).values(changes.map(([fromStatus, toStatus, when]) => ({ listingId: listing.id, fromStatus, toStatus, byId: seller.user.id, at: at(when) })));
      }
      return listing;
    };
    // the period is 2026-03-02 .. 2026-03-08 (UTC): it ends at 2026-03-09T00:00Z
    await seed('2026-03-02T10:00:00Z', [['available', 'sold', '2026-03-05T10:00:00Z']]); // sold, not active at the end
    await seed('2026-03-03T10:00:00Z', [['available', 'reserved', '2026-03-04T10:00:00Z'], ['reserved', 'sold', '2026-03-12T10:00:00Z']]); // sold later; reserved (active) at the end
    await seed('2026-03-04T10:00:00Z', []); // available throughout
    await seed('2026-03-06T10:00:00Z', [['available', 'closed', '2026-03-07T10:00:00Z'], ['closed', 'available', '2026-03-08T10:00:00Z']]); // reopened: active
    await seed('2026-03-08T23:00:00Z', [['available', 'expired', '2026-03-08T23:30:00Z']]); // in the period, expired before its end
    await seed('2026-03-01T10:00:00Z', [['available', 'sold', '2026-03-02T10:00:00Z']]); // before the period
    await seed('2026-03-09T00:00:00Z', []); // the first instant after it
    const moved = await seed('2026-03-05T10:00:00Z', []); // in the period, then moved to another category
    await db.update(marketplaceListings).set({ categoryId: other.id }).where(eq(marketplaceListings.id, moved.id));

    // the query itself (what the metrics read)
    const period = { start: at('2026-03-02T00:00:00Z'), end: at('2026-03-09T00:00:00Z') };
    expect(await listingStats(api.db, { ...period, categoryId: category.id })).toEqual({ listings: 5, sold: 2, activeAtEnd: 3 });
    expect(await listingStats(api.db, { ...period, categoryId: null })).toEqual({ listings: 6, sold: 2, activeAtEnd: 4 });

    const { client } = await forum.member({ role: 'admin', locale: 'en' });
    const figures = async (query: string) => {
      const html = await (await client.get(`/admin/analytics?range=custom&from=2026-03-02&to=2026-03-08${query}`)).text();
      expect(html).toContain('>Marketplace listings</h2>');
      return ['listings', 'sold', 'soldRate', 'activeAtEnd'].map((key) => html.match(new RegExp(`data-metric="marketplace.${key}"><dt>[^<]*</dt><dd><span class="analytics-value">([^<]*)<`))?.[1]);
    };
    // Market: 5 created, 2 sold or closed now (40 %), 3 available or reserved at the end
    expect(await figures(`&category=${category.id}`)).toEqual(['5', '2', '40 %', '3']);
    // every category: the moved listing (available) adds one created and one active; 2 of 6 sold
    const all = await figures('');
    expect([all[0], all[1], all[3]]).toEqual(['6', '2', '4']);
    expect(all[2]).toMatch(/^33(\.3+)? %$/);

    const csv = (await (await client.get(`/admin/analytics/export/marketplace.listings.csv?range=custom&from=2026-03-02&to=2026-03-04&category=${category.id}`)).text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual(['Day,Listings created', '2026-03-02,1', '2026-03-03,1', '2026-03-04,1', '']);
  });

  it('has every analytics string in both languages', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('marketplace.analytics.'));
    expect(keys).toHaveLength(6);
    for (const key of keys) expect(zhCN[key as keyof typeof en]).toBeTruthy();
  });
});
