import { sql } from 'drizzle-orm';
import { searchEnginePending } from '../../core/search/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category } from '../forum/helpers.ts';
import { drain, hitTitles, searchService } from './helpers.ts';
import { closedPort, startMeiliStub, type MeiliStub } from './meili-stub.ts';

let stub: MeiliStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('search engine unreachable', () => {
  it('keeps posting working, degrades search to the built-in engine, and catches up after recovery', async () => {
    const port = await closedPort();
    const forum = await createTestForum({ env: { MEILI_URL: `http://127.0.0.1:${port}` } });
    const service = searchService(forum);
    const cat = await category(forum, { name: 'Market', slug: 'market' });
    const { client } = await forum.member({ username: 'seller' });

    const posted = await client.post('/new', { categoryId: String(cat.id), title: '出售二手自行车', raw: 'Barely used, 九成新.' });
    expect(posted.status).toBe(303);

    const first = await drain(forum);
    expect(first.applied).toBeGreaterThan(0);
    expect(first.sent).toBe(0);
    expect(service.degraded).toBe(true);
    const status = await service.status();
    expect(status.engine).toBe('meilisearch');
    expect(status.degraded).toBe(true);
    expect(status.enginePending).toBeGreaterThan(0);
    expect(status.lastError).toBeTruthy();

    const page = await forum.client().get(`/search?q=${encodeURIComponent('二手')}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(hitTitles(html)).toEqual(['出售二手自行车']);
    expect(html).toContain('class="flash warning"');

    const health = await (await forum.client().get('/healthz')).json();
    expect(health.checks.search).toBe('degraded');
    expect(health.status).toBe('ok');

    // Meilisearch comes back on the same address; the retry waits out its backoff
    stub = await startMeiliStub(port);
    await forum.deps.db.update(searchEnginePending).set({ nextAttemptAt: sql`now()` });
    const second = await drain(forum);
    expect(second.sent).toBeGreaterThan(0);
    expect(service.degraded).toBe(false);
    expect((await service.status()).enginePending).toBe(0);
    expect([...stub.docs.values()].map((d) => d.title)).toContain('出售二手自行车');
    expect(stub.settings?.filterableAttributes).toContain('categoryId');

    const recovered = await (await forum.client().get(`/search?q=${encodeURIComponent('二手')}`)).text();
    expect(hitTitles(recovered)).toEqual(['出售二手自行车']);
    expect(recovered).not.toContain('class="flash warning"');
    expect(stub.requests).toContain('POST /indexes/forum/search');
    expect((await (await forum.client().get('/healthz')).json()).checks.search).toBe('meilisearch');
  });
});
