import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications, threads } from '../../../core/db/schema.ts';
import { marketplaceListings, marketplaceStatusChanges } from '../schema.ts';
import { sweepListings } from '../service/expiry.ts';
import { createListing, listingRow, marketForum, pngBytes, submitListing } from './helpers.ts';

const browse = (categoryId: number, query = '') => `/plugins/marketplace/c/${categoryId}${query ? `?${query}` : ''}`;
const titlesIn = (html: string) => [...html.matchAll(/<span class="mk-card-title">([^<]+)<\/span>/g)].map((m) => m[1]);

describe('marketplace listings', () => {
  it('creates a listing with photos from one multipart form and shows it with its gallery', async () => {
    const { forum, category } = await marketForum();
    const { client } = await forum.member({ locale: 'en' });
    const listing = await createListing(forum, client, category.id, { price: '1,299.50' }, [await pngBytes(800, 600, '#ff0000'), await pngBytes(600, 800, '#00ff00')]);
    expect(listing).toMatchObject({ kind: 'sell', priceMinor: 129950, currency: 'CNY', condition: 'like_new', location: 'North campus', status: 'available' });
    expect(listing.photoIds).toHaveLength(2);
    const [thread] = await forum.deps.db.select().from(threads).where(eq(threads.id, listing.threadId));
    expect(thread!.categoryId).toBe(category.id);

    const page = await (await client.get(`/t/${listing.threadId}`)).text();
    const html = page.includes('mk-listing') ? page : await (await client.get(`/t/${listing.threadId}/${thread!.slug}`)).text();
    expect(html).toContain('CN¥1,299.50');
    expect(html).toMatch(/<ul class="mk-gallery"/);
    expect(html.match(/src="\/uploads\/[a-f0-9]{32}-w(320|1024)\.webp"/g)?.length).toBe(2);
    // the seller manages; no "contact" for one's own listing
    expect(html).toContain('data-status="reserved"');
    expect(html).not.toContain('mk-contact');
  });

  it('refuses bad fields, a wrong photo and too many photos without creating anything', async () => {
    const { forum, category } = await marketForum();
    const { client } = await forum.member({ locale: 'zh-CN' });
    const bad = await submitListing(client, category.id, { kind: 'sell', price: 'cheap', condition: '' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('请输入价格，例如 120 或 99.50。');
    expect(html).toContain('请选择成色。');
    expect(html).toContain('value="cheap"');

    const evil = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const refused = await submitListing(client, category.id, {}, [Buffer.from(evil)]);
    expect(refused.status).toBe(415);
    expect(await refused.text()).toContain('只能上传 JPEG、PNG、WebP 和 GIF 图片。');

    const nine = await Promise.all(Array.from({ length: 9 }, (_, i) => pngBytes(20, 20, `#0000${(10 + i).toString(16).padStart(2, '0')}`)));
    expect((await submitListing(client, category.id, {}, nine)).status).toBe(400);
    expect(await forum.deps.db.$count(marketplaceListings)).toBe(0);
    expect(await forum.deps.db.$count(threads)).toBe(0);

    // a give-away has no price; a service needs its kind
    const free = await createListing(forum, client, category.id, { kind: 'free', price: '99', condition: 'fair' });
    expect(free).toMatchObject({ kind: 'free', priceMinor: null, currency: null });
    expect((await submitListing(client, category.id, { kind: 'service', serviceType: '' })).status).toBe(400);
    const ride = await createListing(forum, client, category.id, { kind: 'service', serviceType: 'carpool', price: '30', condition: '' });
    expect(ride).toMatchObject({ kind: 'service', serviceType: 'carpool', priceMinor: 3000, condition: null });
  });

  it('filters cards by kind, condition, price range and status, and sorts by price', async () => {
    const { forum, category } = await marketForum();
    const { client } = await forum.member({ locale: 'en' });
    const bike = await createListing(forum, client, category.id, { title: 'Bike', price: '350', condition: 'good' });
    await createListing(forum, client, category.id, { title: 'Lamp', price: '40', condition: 'like_new' });
    await createListing(forum, client, category.id, { title: 'Sofa', kind: 'free', condition: 'fair' });
    await createListing(forum, client, category.id, { title: 'Desk wanted', kind: 'wanted', price: '200', condition: '' });
    const sold = await createListing(forum, client, category.id, { title: 'Old phone', price: '120', condition: 'fair' });
    expect((await client.post(`/plugins/marketplace/l/${sold.threadId}/status`, { to: 'sold' })).status).toBe(303);

    const all = titlesIn(await (await client.get(browse(category.id))).text());
    expect(all).toEqual(['Desk wanted', 'Sofa', 'Lamp', 'Bike']); // newest first; sold is not in the default view
    expect(titlesIn(await (await client.get(browse(category.id, 'kind=sell'))).text())).toEqual(['Lamp', 'Bike']);
    expect(titlesIn(await (await client.get(browse(category.id, 'condition=fair'))).text())).toEqual(['Sofa']);
    expect(titlesIn(await (await client.get(browse(category.id, 'minPrice=30&maxPrice=250'))).text())).toEqual(['Desk wanted', 'Lamp']);
    expect(titlesIn(await (await client.get(browse(category.id, 'maxPrice=50'))).text())).toEqual(['Sofa', 'Lamp']);
    expect(titlesIn(await (await client.get(browse(category.id, 'sort=price_asc'))).text())).toEqual(['Sofa', 'Lamp', 'Desk wanted', 'Bike']);
    expect(titlesIn(await (await client.get(browse(category.id, 'sort=price_desc'))).text())).toEqual(['Bike', 'Desk wanted', 'Lamp', 'Sofa']);
    expect(titlesIn(await (await client.get(browse(category.id, 'status=sold'))).text())).toEqual(['Old phone']);
    expect(titlesIn(await (await client.get(browse(category.id, 'status=all&sort=price_desc'))).text())).toEqual(['Bike', 'Desk wanted', 'Old phone', 'Lamp', 'Sofa']);
    // nonsense in the query falls back to defaults instead of failing
    expect((await client.get(browse(category.id, 'kind=<script>&sort=x&status=y'))).status).toBe(200);
    // a deleted thread's listing disappears
    await forum.deps.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, bike.threadId));
    expect(titlesIn(await (await client.get(browse(category.id))).text())).not.toContain('Bike');
  });

  it('pages through many listings with a keyset cursor, in both sort orders', async () => {
    const { forum, category } = await marketForum();
    const { user } = await forum.member();
    const [thread] = await forum.deps.db.insert(threads).values({ categoryId: category.id, authorId: user.id, title: 'x', slug: 'x' }).returning();
    const base = Date.now() - 1000 * 60 * 60;
    // 30 listings sharing one thread is impossible (unique), so make 30 threads
    const rows = [];
    for (let i = 0; i < 30; i += 1) {
      const [t] = i === 0 ? [thread!] : await forum.deps.db.insert(threads).values({ categoryId: category.id, authorId: user.id, title: `Item ${i}`, slug: `item-${i}` }).returning();
      rows.push({ threadId: t!.id, categoryId: category.id, sellerId: user.id, kind: 'sell' as const, priceMinor: (i % 7) * 1000, currency: 'CNY', condition: 'good' as const, expiresAt: new Date(base + 1e10), createdAt: new Date(base + (i % 10) * 1000) });
    }
    await forum.deps.db.insert(marketplaceListings).values(rows);
    for (const sort of ['newest', 'price_asc']) {
      const seen: string[] = [];
      let url: string | null = browse(category.id, `sort=${sort}`);
      while (url) {
        const html = await (await forum.client().get(url)).text();
        seen.push(...[...html.matchAll(/data-listing-id="(\d+)"/g)].map((m) => m[1]!));
        url = /<a class="button" href="([^"]+)">More listings/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    }
  });

  it('lets only the seller or staff change the status, along allowed transitions', async () => {
    const { forum, category } = await marketForum();
    const seller = await forum.member();
    const stranger = await forum.member({ locale: 'en' });
    const moderator = await forum.member({ role: 'moderator' });
    const listing = await createListing(forum, seller.client, category.id);
    const status = (client: typeof seller.client, to: string) => client.post(`/plugins/marketplace/l/${listing.threadId}/status`, { to });

    const refused = await status(stranger.client, 'sold');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Only the seller or staff can change this listing.');
    expect((await forum.client().post(`/plugins/marketplace/l/${listing.threadId}/status`, { to: 'sold' })).status).toBe(403);
    expect((await listingRow(forum, listing.id)).status).toBe('available');

    expect((await status(seller.client, 'reserved')).status).toBe(303);
    expect((await status(seller.client, 'reserved')).status).toBe(409);
    expect((await status(seller.client, 'available')).status).toBe(303);
    expect((await status(moderator.client, 'sold')).status).toBe(303);
    expect((await status(seller.client, 'reserved')).status).toBe(409); // sold → reserved is not a transition
    expect((await status(seller.client, 'expired')).status).toBe(409);
    expect((await status(seller.client, 'bogus')).status).toBe(400);
    expect((await listingRow(forum, listing.id)).status).toBe('sold');

    const history = await forum.deps.db.select().from(marketplaceStatusChanges).where(eq(marketplaceStatusChanges.listingId, listing.id)).orderBy(marketplaceStatusChanges.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.byId])).toEqual([
      ['available', 'reserved', seller.user.id],
      ['reserved', 'available', seller.user.id],
      ['available', 'sold', moderator.user.id],
    ]);
    // a wanted ad is closed, never "sold"
    const wanted = await createListing(forum, seller.client, category.id, { kind: 'wanted', condition: '' });
    expect((await seller.client.post(`/plugins/marketplace/l/${wanted.threadId}/status`, { to: 'sold' })).status).toBe(409);
    expect((await seller.client.post(`/plugins/marketplace/l/${wanted.threadId}/status`, { to: 'closed' })).status).toBe(303);
  });

  it('never reserves twice under 100 concurrent requests', async () => {
    const { forum, category } = await marketForum();
    const seller = await forum.member();
    const listing = await createListing(forum, seller.client, category.id);
    await seller.client.csrf();
    const results = await Promise.all(Array.from({ length: 100 }, () => seller.client.post(`/plugins/marketplace/l/${listing.threadId}/status`, { to: 'reserved' })));
    const codes = results.map((r) => r.status);
    expect(codes.filter((s) => s === 303)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(99);
    const changes = await forum.deps.db.select().from(marketplaceStatusChanges).where(and(eq(marketplaceStatusChanges.listingId, listing.id), eq(marketplaceStatusChanges.toStatus, 'reserved')));
    expect(changes).toHaveLength(1);
  });

  it('limits active listings per member; sold ones free a place; staff are exempt', async () => {
    const { forum, category } = await marketForum({ settings: { maxActiveListings: 2 } });
    const seller = await forum.member({ locale: 'en' });
    const first = await createListing(forum, seller.client, category.id, { title: 'Listing number one' });
    await createListing(forum, seller.client, category.id, { title: 'Listing number two' });
    const third = await submitListing(seller.client, category.id, { title: 'Listing number three' });
    expect(third.status).toBe(409);
    expect(await third.text()).toContain('You already have 2 active listings.');
    await seller.client.post(`/plugins/marketplace/l/${first.threadId}/status`, { to: 'sold' });
    await createListing(forum, seller.client, category.id, { title: 'Listing number three' });
    // putting the sold one back would exceed the limit
    expect((await seller.client.post(`/plugins/marketplace/l/${first.threadId}/status`, { to: 'available' })).status).toBe(409);
    const admin = await forum.member({ role: 'admin' });
    for (const title of ['Staff listing A', 'Staff listing B', 'Staff listing C']) await createListing(forum, admin.client, category.id, { title });
  });

  it('reminds once before expiry, expires on time, and keeps expired listings findable by status', async () => {
    const { forum, category, api } = await marketForum({ settings: { expiryDays: 10, reminderDays: 2 } });
    const seller = await forum.member({ locale: 'en' });
    const listing = await createListing(forum, seller.client, category.id, { title: 'Camera' });
    // time passes: the listing's expiry comes closer (the job reads the real clock)
    const expireIn = (ms: number) => forum.deps.db.update(marketplaceListings).set({ expiresAt: new Date(Date.now() + ms) }).where(eq(marketplaceListings.id, listing.id));
    const sweep = async () => {
      await forum.deps.jobs.send('marketplace.sweep', {});
      return forum.deps.jobs.drain('marketplace.sweep');
    };
    const count = (type: string) => forum.deps.db.$count(notifications, and(eq(notifications.userId, seller.user.id), eq(notifications.type, type)));
    expect(await sweep()).toBe(1);
    expect(await count('marketplace.expiring')).toBe(0);
    await expireIn(86_400_000);
    await sweep();
    await sweep();
    // a job that runs twice at once (two workers, a retry) still reminds once
    await Promise.all([sweepListings(api), sweepListings(api)]);
    expect(await count('marketplace.expiring')).toBe(1);
    expect((await listingRow(forum, listing.id)).remindedAt).not.toBeNull();

    await expireIn(-60_000);
    await sweep();
    await sweep();
    expect(await count('marketplace.expired')).toBe(1);
    expect((await listingRow(forum, listing.id)).status).toBe('expired');
    expect(titlesIn(await (await forum.client().get(browse(category.id))).text())).toEqual([]);
    expect(titlesIn(await (await forum.client().get(browse(category.id, 'status=expired'))).text())).toEqual(['Camera']);

    // renewing brings it back with a fresh reminder cycle
    expect((await seller.client.post(`/plugins/marketplace/l/${listing.threadId}/renew`)).status).toBe(303);
    const renewed = await listingRow(forum, listing.id);
    expect(renewed.status).toBe('available');
    expect(renewed.remindedAt).toBeNull();
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
  });

  it('contacts the seller through a private conversation and reports to the moderation queue', async () => {
    const { forum, category } = await marketForum();
    const seller = await forum.member({ username: 'seller' });
    const buyer = await forum.member({ locale: 'en' });
    const staff = await forum.member({ role: 'moderator' });
    const listing = await createListing(forum, seller.client, category.id, { title: 'Guitar' });
    const html = await (await buyer.client.get(`/t/${listing.threadId}/guitar`)).text();
    expect(html).toContain('Contact the seller');

    const res = await buyer.client.post(`/plugins/marketplace/l/${listing.threadId}/contact`, { message: 'Is it still available?' });
    expect(res.status).toBe(303);
    const conversation = res.headers.get('location')!;
    expect(conversation).toMatch(/^\/messages\/\d+$/);
    const sellerView = await (await seller.client.get(conversation)).text();
    expect(sellerView).toContain('Is it still available?');
    expect(sellerView).toContain(`/t/${listing.threadId}/guitar`);
    expect((await seller.client.post(`/plugins/marketplace/l/${listing.threadId}/contact`, { message: 'me?' })).status).toBe(400);

    // "Report this listing" is core's report form for the moderation queue
    expect(html).toContain(`href="/report/marketplace.listing/${listing.id}"`);
    const form = await buyer.client.get(`/report/marketplace.listing/${listing.id}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Guitar');
    const report = await buyer.client.post(`/report/marketplace.listing/${listing.id}`, { reason: 'spam', text: 'Asks for payment by gift card' });
    expect(report.status).toBe(200);
    const reports = await forum.deps.database.rows<{ target_user_id: number; reason: string }>(
      sql`select target_user_id, reason from moderation_reports where target_type = 'marketplace.listing' and target_id = ${listing.id}`,
    );
    expect(reports).toEqual([{ target_user_id: seller.user.id, reason: 'spam' }]);
    // the seller cannot report their own listing
    expect((await seller.client.post(`/report/marketplace.listing/${listing.id}`, { reason: 'spam' })).status).not.toBe(200);
    expect(staff.user.role).toBe('moderator');
  });

  it('hides a listing held for review from everyone but the seller and staff', async () => {
    const { forum, category, api } = await marketForum();
    const seller = await forum.member({ locale: 'en' });
    const other = await forum.member({ locale: 'en' });
    const listing = await createListing(forum, seller.client, category.id, { title: 'Suspicious phone' });
    await api.moderation.hold({ type: 'listing', id: listing.id, reason: 'test hold' });
    expect((await listingRow(forum, listing.id)).heldAt).not.toBeNull();
    expect(titlesIn(await (await other.client.get(browse(category.id))).text())).toEqual([]);
    expect(await (await other.client.get(`/t/${listing.threadId}/suspicious-phone`)).text()).not.toContain('id="mk-listing"');
    const own = await (await seller.client.get(`/t/${listing.threadId}/suspicious-phone`)).text();
    expect(own).toContain('This listing is hidden while staff review reports about it.');
  });

  it('keeps listings in the search index with their price, type and status', async () => {
    const { forum, category } = await marketForum();
    const seller = await forum.member();
    const listing = await createListing(forum, seller.client, category.id, { title: 'Vintage turntable', price: '800' });
    const doc = async () =>
      (await forum.deps.database.rows<{ title: string; facets: Record<string, unknown> }>(sql`select title, facets from search_documents where type = 'marketplace_listing' and source_id = ${String(listing.id)}`))[0];
    expect(await doc()).toMatchObject({ title: 'Vintage turntable', facets: { marketplace_price: 80000, marketplace_kind: 'sell', marketplace_status: 'available' } });
    await seller.client.post(`/plugins/marketplace/l/${listing.threadId}/status`, { to: 'sold' });
    expect((await doc())?.facets.marketplace_status).toBe('sold');
  });

  it('stays out of categories where it is off', async () => {
    const { forum, other } = await marketForum();
    const { client } = await forum.member();
    expect((await client.get(browse(other.id))).status).toBe(404);
    expect((await submitListing(client, other.id)).status).toBe(404);
  });
});

