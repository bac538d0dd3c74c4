import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { definePlugin, type PluginApi } from '../../core/plugins/api.ts';
import { threads } from '../../core/forum/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';
import { drain, hitTitles, hitUrls } from './helpers.ts';

let api: PluginApi<Record<string, never>> | undefined;

const listings = definePlugin({
  id: 'swap-shop',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'global',
  settings: z.object({}),
  locales: {
    en: { 'swap-shop.type': 'Listings', 'swap-shop.price': 'Price', 'swap-shop.status': 'Status', 'swap-shop.open': 'Open', 'swap-shop.sold': 'Sold' },
    'zh-CN': { 'swap-shop.type': '商品', 'swap-shop.price': '价格', 'swap-shop.status': '状态', 'swap-shop.open': '在售', 'swap-shop.sold': '已售' },
  },
  setup(a) {
    api = a as unknown as PluginApi<Record<string, never>>;
    a.search.type({
      name: 'listing',
      labelKey: 'swap-shop.type',
      facets: [
        { key: 'price', kind: 'number', labelKey: 'swap-shop.price' },
        { key: 'status', kind: 'keyword', labelKey: 'swap-shop.status', values: [{ value: 'open', labelKey: 'swap-shop.open' }, { value: 'sold', labelKey: 'swap-shop.sold' }] },
      ],
    });
  },
});

describe('api.search (plugin documents)', () => {
  it('indexes plugin documents with facets, filters them, follows their thread, and removes them', async () => {
    const forum = await createTestForum({ plugins: [listings] });
    const { user } = await forum.member({ username: 'seller' });
    const cat = await category(forum, { name: 'Market', slug: 'market' });
    const staffOnly = await category(forum, { name: 'Vault', slug: 'vault', readAccess: 'moderator' });
    const { thread: t } = await thread(forum, user, { categoryId: cat.id, title: 'Bike thread', raw: 'See the listing.' });
    await forum.deps.db.transaction(async (tx) => {
      await api!.search.index(
        [
          { type: 'listing', id: 1, title: '二手自行车 for sale', body: 'Road bike', url: '/plugins/swap-shop/1', createdAt: new Date(), threadId: t.id, authorId: user.id, facets: { price: 120, status: 'open' } },
          { type: 'listing', id: 2, title: 'Used bike lock', body: 'Heavy', url: '/plugins/swap-shop/2', createdAt: new Date(), categoryId: cat.id, facets: { price: 15, status: 'sold' } },
        ],
        { tx },
      );
    });
    const guest = forum.client();
    const find = async (params: Record<string, string>) => hitTitles(await (await guest.get(`/search?${new URLSearchParams(params)}`)).text());
    expect(await find({ q: '二手', type: 'swap_shop_listing' })).toEqual(['二手自行车 for sale']);
    expect((await find({ q: 'bike', type: 'swap_shop_listing' })).sort()).toEqual(['Used bike lock', '二手自行车 for sale'].sort());
    expect(await find({ q: 'bike', type: 'swap_shop_listing', 'f.price.min': '100' })).toEqual(['二手自行车 for sale']);
    expect(await find({ q: 'bike', type: 'swap_shop_listing', 'f.status': 'sold' })).toEqual(['Used bike lock']);
    const page = await (await guest.get('/search?type=swap_shop_listing&q=lock')).text();
    expect(page).toContain('name="f.price.min"');
    expect(hitUrls(page)).toEqual(['/plugins/swap-shop/2']);
    const bad = await guest.get('/search?type=swap_shop_listing&q=bike&f.price.min=cheap');
    expect(bad.status).toBe(400);

    // the listing on a thread moves with the thread out of sight
    await forum.deps.db.update(threads).set({ categoryId: staffOnly.id }).where(eq(threads.id, t.id));
    await drain(forum);
    expect(await find({ q: '二手', type: 'swap_shop_listing' })).toEqual([]);
    await forum.deps.db.update(threads).set({ categoryId: cat.id }).where(eq(threads.id, t.id));
    await drain(forum);
    expect(await find({ q: '二手', type: 'swap_shop_listing' })).toEqual(['二手自行车 for sale']);

    await api!.search.remove('listing', [1]);
    expect(await find({ q: '二手', type: 'swap_shop_listing' })).toEqual([]);
    await expect(api!.search.index([{ type: 'nope', id: 1, title: '', body: '', url: '/', createdAt: new Date() }])).rejects.toThrow(/not declared/);
    await expect(
      api!.search.index([{ type: 'listing', id: 3, title: '', body: '', url: '/', createdAt: new Date(), facets: { colour: 'red' } }]),
    ).rejects.toThrow(/not declared/);
  });
});
