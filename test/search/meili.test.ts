import { eq } from 'drizzle-orm';
import { threads } from '../../core/forum/schema.ts';
import { deletePost } from '../../core/forum/service/delete-post.ts';
import { createLogger } from '../../core/logger.ts';
import { SearchService } from '../../core/search/index.ts';
import { registerSearchService } from '../../core/search/service.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, thread, writeAs } from '../forum/helpers.ts';
import { allowQuickPosting, hitTitles } from './helpers.ts';

/**
 * Against a real Meilisearch: `docker compose up -d meilisearch`, then
 * MEILI_URL=http://127.0.0.1:7700 MEILI_KEY=<master key> npx vitest run --config test/vitest.config.ts --project unit test/search/meili.test.ts
 * Each run uses its own index (forum_test_<pid>) and deletes it afterwards.
 */
const url = process.env.MEILI_URL;
if (!url) console.warn('[search] MEILI_URL is not set: the Meilisearch integration tests are skipped (see docs/search.md).');

describe.skipIf(!url)('Meilisearch engine (integration)', () => {
  const index = `forum_test_${process.pid}`;
  let service: SearchService | undefined;
  afterAll(async () => {
    await service?.meili?.client.deleteIndex(index).waitTask();
  });

  it('indexes through the outbox, searches Chinese with its tokenizer, filters by permission and follows deletes', async () => {
    const forum = await createTestForum();
    await allowQuickPosting(forum);
    service = registerSearchService(
      forum.deps,
      new SearchService({ db: forum.deps.db, logger: createLogger('silent'), host: forum.deps.pluginHost, meiliUrl: url, meiliKey: process.env.MEILI_KEY, meiliIndex: index }),
    );
    const { user } = await forum.member({ username: 'seller' });
    const { client: mod } = await forum.member({ username: 'moddy', role: 'moderator' });
    const market = await category(forum, { name: 'Market', slug: 'market' });
    const vault = await category(forum, { name: 'Vault', slug: 'vault', readAccess: 'moderator' });
    const bike = await thread(forum, user, { categoryId: market.id, title: '出售二手自行车', raw: 'Shimano gears', tags: 'bikes' });
    await thread(forum, user, { categoryId: vault.id, title: '秘密自行车计划', raw: 'staff only' });
    const drained = await service.drain();
    expect(service.degraded).toBe(false);
    expect(drained.sent).toBeGreaterThan(0);

    const guest = forum.client();
    const titles = async (client: typeof guest, q: string, extra = '') => hitTitles(await (await client.get(`/search?q=${encodeURIComponent(q)}${extra}`)).text());
    expect(await titles(guest, '二手')).toEqual(['出售二手自行车']);
    expect(await titles(guest, '自行车')).toEqual(['出售二手自行车']);
    expect((await titles(mod, '自行车')).sort()).toEqual(['出售二手自行车', '秘密自行车计划'].sort());
    expect(await titles(guest, 'shimano', `&tag=${encodeURIComponent('bikes" OR type = "member')}`)).toEqual([]);
    expect(await titles(guest, 'shimano', '&tag=bikes')).toEqual(['出售二手自行车']);

    await forum.deps.db.update(threads).set({ categoryId: vault.id }).where(eq(threads.id, bike.thread.id));
    await service.drain();
    expect(await titles(guest, '二手')).toEqual([]);
    await deletePost(writeAs(forum, user), bike.post.id);
    await service.drain();
    expect(await titles(mod, '二手')).toEqual([]);

    const rebuilt = await service.reindex();
    expect(rebuilt.done).toBe(rebuilt.total);
    expect(await service.meili!.count()).toBe(Object.values((await service.status()).documents).reduce((a, b) => a + b, 0));
  });
});
