import { describe, expect, it } from 'vitest';
import { definePlugin, type PluginApi, type ReportableItem } from '../../core/plugins/api.ts';
import { createTestForum } from '../helpers/app.ts';

const items = new Map<number, ReportableItem>();
const removed: number[] = [];
let captured: Pick<PluginApi<unknown>, 'moderation'> | undefined;

const market = definePlugin({
  id: 'modtest',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'global',
  setup(api) {
    captured = api;
    api.moderation.reportable('listing', {
      describe: async (ids) => new Map(ids.flatMap((id) => (items.has(id) ? [[id, items.get(id)!] as const] : []))),
      hide: async (id) => void (items.get(id)!.hidden = true),
      approve: async (id) => void (items.get(id)!.hidden = false),
      remove: async (id) => {
        removed.push(id);
        items.delete(id);
      },
    });
  },
});

describe('plugin API: moderation', () => {
  it('plugin items are reported through core’s form, queued, and removed by staff', async () => {
    const forum = await createTestForum({ plugins: [market] });
    const seller = await forum.member({ username: 'seller' });
    const buyer = await forum.member({ username: 'buyer' });
    const mod = await forum.member({ role: 'moderator', username: 'modx' });
    items.set(5, { title: 'Used bike', url: '/plugins/modtest/5', authorId: seller.user.id, excerpt: 'cheap bike' });
    expect(captured!.moderation.reportUrl('listing', 5)).toBe('/report/modtest.listing/5');
    expect((await buyer.client.get('/report/modtest.listing/5')).status).toBe(200);
    expect((await buyer.client.post('/report/modtest.listing/5', { reason: 'spam' })).status).toBe(200);
    expect(await (await mod.client.get('/review')).text()).toContain('Used bike');
    await mod.client.post('/review/reports/modtest.listing:5/reject');
    expect(removed).toEqual([5]);
    expect((await buyer.client.get('/report/modtest.listing/99')).status).toBe(404);
  });

  it('a plugin rule holds an item: it is hidden and waits in the queue', async () => {
    const forum = await createTestForum({ plugins: [market] });
    const seller = await forum.member({ username: 'seller2' });
    const mod = await forum.member({ role: 'moderator', username: 'mody' });
    items.set(6, { title: 'Too good to be true', url: '/plugins/modtest/6', authorId: seller.user.id });
    await captured!.moderation.hold({ type: 'listing', id: 6, reason: 'price far below market' });
    expect(items.get(6)!.hidden).toBe(true);
    const queue = await (await mod.client.get('/review')).text();
    expect(queue).toContain('price far below market');
    await mod.client.post('/review/reports/modtest.listing:6/approve');
    expect(items.get(6)!.hidden).toBe(false);
  });
});
