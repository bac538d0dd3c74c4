import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, reply, thread } from '../forum/helpers.ts';
import { threadPath } from '../../core/forum/service/slug.ts';

async function forumWithCache(): Promise<TestForum> {
  return createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
}

describe("the guests' page cache", () => {
  it('serves a guest page from memory the second time: the same bytes for every guest, with no token and no cookie', async () => {
    const forum = await forumWithCache();
    const first = forum.client();
    const second = forum.client();
    const a = await first.get('/');
    expect(a.headers.get('x-page-cache')).toBeNull();
    expect(a.headers.get('set-cookie')).toBeNull();
    const html = await a.text();
    expect(html).not.toContain('name="_csrf"');
    expect(html).not.toContain('X-CSRF-Token');
    const b = await second.get('/');
    expect(b.headers.get('x-page-cache')).toBe('hit');
    expect(b.headers.get('set-cookie')).toBeNull();
    expect(await b.text()).toBe(html);
    expect(b.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(forum.deps.pageCache.stats.hits).toBe(1);
  });

  it('never stores or serves a signed-in member’s page', async () => {
    const forum = await forumWithCache();
    const { client: member, user } = await forum.member({ username: 'cachedmember' });
    const mine = await member.get('/');
    expect(await mine.text()).toContain(user.displayName);
    const again = await member.get('/');
    expect(again.headers.get('x-page-cache')).toBeNull();
    const guest = await forum.client().get('/');
    expect(await guest.text()).not.toContain(user.displayName);
  });

  it('forgets pages as soon as someone writes, through a form or a service', async () => {
    const forum = await forumWithCache();
    const { user, client: member } = await forum.member();
    const c = await category(forum, { name: 'Cached', slug: 'cached' });
    const { thread: t } = await thread(forum, user, { categoryId: c.id, title: 'Cache me if you can' });
    const guest = forum.client();
    await guest.get(threadPath(t));
    expect((await guest.get(threadPath(t))).headers.get('x-page-cache')).toBe('hit');

    await member.post(`/t/${t.id}/reply`, { raw: 'A reply through the form' });
    const afterForm = await guest.get(threadPath(t));
    expect(afterForm.headers.get('x-page-cache')).toBeNull();
    expect(await afterForm.text()).toContain('A reply through the form');

    await reply(forum, user, t.id, 'A reply through the service');
    const afterService = await guest.get(threadPath(t));
    expect(await afterService.text()).toContain('A reply through the service');
  });

  it('keeps languages apart and expires entries after the configured time', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '50' } });
    const en = forum.client();
    const zh = forum.client();
    zh.cookies.set('locale', 'zh-CN');
    await en.get('/');
    const zhPage = await zh.get('/');
    expect(zhPage.headers.get('x-page-cache')).toBeNull();
    expect(zhPage.headers.get('content-language')).toBe('zh-CN');
    await new Promise((r) => setTimeout(r, 80));
    expect((await en.get('/')).headers.get('x-page-cache')).toBeNull();
  });

  it('does not cache error pages, personal pages or htmx fragments under the page key', async () => {
    const forum = await forumWithCache();
    const guest = forum.client();
    await guest.get('/t/999999/missing');
    expect((await guest.get('/t/999999/missing')).headers.get('x-page-cache')).toBeNull();
    await guest.get('/login');
    expect((await guest.get('/login')).headers.get('x-page-cache')).toBeNull();
    await guest.get('/');
    const fragment = await guest.request('/', { headers: { 'hx-request': 'true' } });
    expect(fragment.headers.get('x-page-cache')).toBeNull();
  });

  it('counts thread views served from the cache', async () => {
    const forum = await forumWithCache();
    const { user } = await forum.member();
    const c = await category(forum, { name: 'Views', slug: 'views' });
    const { thread: t } = await thread(forum, user, { categoryId: c.id });
    const guest = forum.client();
    for (let i = 0; i < 5; i++) await guest.get(threadPath(t));
    expect(forum.deps.pageCache.stats.hits).toBe(4);
    await new Promise((r) => setTimeout(r, 2300));
    const [row] = await forum.deps.database.rows<{ view_count: number }>(
      (await import('drizzle-orm')).sql`select view_count from threads where id = ${t.id}`,
    );
    expect(row!.view_count).toBe(5);
  });

  it('serves hits before the app: the guest keeps their CSRF token, gets the security headers and counts as a page view', async () => {
    const forum = await forumWithCache();
    const { sql } = await import('drizzle-orm');
    const { activityRecorderFor } = await import('../../core/activity/index.ts');
    const recorder = activityRecorderFor(forum.deps.db, forum.deps.logger);
    const guestViews = async () => {
      await recorder.flush();
      const [row] = await forum.deps.database.rows<{ views: number }>(
        sql`select coalesce(sum(views), 0)::int views from analytics_page_views where kind = 'guest'`,
      );
      return row!.views;
    };
    const before = await guestViews();
    const guest = forum.client();
    await guest.get('/');
    const hit = await guest.get('/');
    expect(hit.headers.get('x-page-cache')).toBe('hit');
    for (const header of ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id', 'content-language']) {
      expect(hit.headers.get(header), header).toBeTruthy();
    }
    // the hit is a page view for analytics, like the miss before it
    expect((await guestViews()) - before).toBe(2);
  });

  it('negotiates the language of a hit the way the app does, and never answers a session cookie from the cache', async () => {
    const forum = await forumWithCache();
    const first = forum.client();
    await first.request('/', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    const zh = await forum.client().request('/', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(zh.headers.get('x-page-cache')).toBe('hit');
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    const en = await forum.client().request('/', { headers: { 'accept-language': 'en-GB' } });
    expect(en.headers.get('x-page-cache')).toBeNull();
    expect(en.headers.get('content-language')).toBe('en');
    const stale = forum.client();
    stale.cookies.set('session', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect((await stale.get('/')).headers.get('x-page-cache')).toBeNull();
  });

  it('compresses hits once per encoding: gzip at once, brotli once it is made, nothing for a client that takes neither', async () => {
    const forum = await forumWithCache();
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const guest = forum.client();
    const plain = await (await guest.get('/')).text();
    const gzip = await guest.request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzip.headers.get('x-page-cache')).toBe('hit');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toContain('Accept-Encoding');
    const gzipBytes = Buffer.from(await gzip.arrayBuffer());
    expect(gunzipSync(gzipBytes).toString()).toBe(plain);
    // brotli is made on zlib's thread pool after the first hit that asks for it
    let br = gzip;
    for (let tries = 0; tries < 50 && br.headers.get('content-encoding') !== 'br'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      br = await guest.request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    }
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(plain);
    expect(brBytes.length).toBeLessThan(gzipBytes.length);
    const refused = await guest.request('/', { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(plain);
  });

  it('compresses the page for the guest who missed too, and stores it for the next guest', async () => {
    const forum = await forumWithCache();
    const { gunzipSync } = await import('node:zlib');
    const miss = await forum.client().request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(miss.headers.get('x-page-cache')).toBeNull();
    expect(miss.headers.get('content-encoding')).toBe('gzip');
    expect(miss.headers.get('vary')).toContain('Accept-Encoding');
    expect(miss.headers.get('content-type')).toMatch(/^text\/html/);
    expect(miss.headers.get('content-length')).toBeNull();
    const missBytes = Buffer.from(await miss.arrayBuffer());
    expect(gunzipSync(missBytes).toString()).toContain('</html>');

    const hit = await forum.client().request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(hit.headers.get('x-page-cache')).toBe('hit');
    expect(Buffer.from(await hit.arrayBuffer()).equals(missBytes)).toBe(true);
  });

  it('answers a guest whose browser has the page with 304, from the cache and after it expired, and with the page once it changed', async () => {
    const forum = await forumWithCache();
    const { user } = await forum.member();
    const c = await category(forum, { name: 'Validated', slug: 'validated' });
    const { thread: t } = await thread(forum, user, { categoryId: c.id, title: 'Ask me if it changed' });
    const guest = forum.client();
    const first = await guest.get(threadPath(t));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);

    const hit = await guest.request(threadPath(t), { headers: { 'if-none-match': etag } });
    expect(hit.status).toBe(304);
    expect(hit.headers.get('x-page-cache')).toBe('hit');
    expect(hit.headers.get('etag')).toBe(etag);
    expect(hit.headers.get('vary')).toContain('Accept-Encoding');
    expect(await hit.text()).toBe('');

    // the cache forgot the page, but it renders the same: the app answers 304 as well
    forum.deps.pageCache.invalidate();
    const rendered = await guest.request(threadPath(t), { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(rendered.status).toBe(304);
    expect(rendered.headers.get('x-page-cache')).toBeNull();

    await reply(forum, user, t.id, 'Something new to read');
    const changed = await guest.request(threadPath(t), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Something new to read');
  });
});
