import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createUser } from '../../core/accounts/service/users.ts';
import { createSession } from '../../core/accounts/service/sessions.ts';
import { createForum, type Forum } from '../../core/bootstrap.ts';
import { loadConfig } from '../../core/config/index.ts';
import { createCategory } from '../../core/forum/service/categories.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { createLogger } from '../../core/logger.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { TEST_ORIGIN, TestClient } from '../helpers/app.ts';
import { TcpProxy } from './tcp-proxy.ts';

const serverUrl = process.env.DATABASE_URL;

/** Runs `fn` and returns how long it took, in ms. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!serverUrl)('PostgreSQL restarts while requests flow (runs with DATABASE_URL)', () => {
  let proxy: TcpProxy;
  let forum: Forum;
  let name: string;

  beforeAll(async () => {
    const url = new URL(serverUrl!);
    name = `${process.env.FORUM_TEST_RUN ?? 'forum_test'}_outage_${process.pid}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    const proxied = new URL(serverUrl!);
    proxied.port = String(proxy.port);
    proxied.pathname = `/${name}`;
    const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent', PAGE_CACHE_MS: '0', DATABASE_URL: proxied.toString() });
    forum = await createForum({ config, logger: createLogger('silent'), plugins: [] });
    await updateSiteSettings(forum.deps.db, { setupComplete: true, forumName: 'Outage', setupToken: null });
  });

  afterAll(async () => {
    await proxy?.restore().catch(() => {});
    await forum?.close();
    await proxy?.stop();
  });

  it('fails fast with a 503 page, writes nothing half-way, and recovers when the server is back', async () => {
    const { db } = forum.deps;
    const user = await createUser(db, { username: 'steady', email: 'steady@example.com', password: 'correct horse battery' });
    const category = await createCategory(db, { name: 'Ops', slug: 'ops' });
    const { thread } = await createThread({ db, hooks: forum.deps.plugins.hooks, user, restrictTags: false }, { categoryId: category.id, title: 'Before the outage', raw: 'Still here.' });
    const member = new TestClient(forum);
    member.cookies.set('session', (await createSession(db, user.id)).token);
    await member.csrf();
    expect((await member.get(`/t/${thread.id}`)).status).toBeLessThan(400);

    // traffic keeps flowing through the outage
    let stop = false;
    const statuses: number[] = [];
    const traffic = (async () => {
      const guest = new TestClient(forum);
      while (!stop) {
        statuses.push((await guest.get('/')).status);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await proxy.cut();
    const health = await timed(() => member.get('/healthz'));
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(6000);

    const page = await timed(() => member.get(`/t/${thread.id}`));
    expect(page.value.status).toBe(503);
    expect(page.value.headers.get('retry-after')).toBeTruthy();
    expect(await page.value.text()).not.toMatch(/at .+\.ts:\d+/);
    expect(page.ms).toBeLessThan(6000);

    const attempt = await member.post(`/t/${thread.id}/reply`, { raw: 'Written during the outage' });
    expect(attempt.status).toBe(503);

    await proxy.restore();
    await until(async () => (await member.get('/healthz')).status === 200, 15_000);
    stop = true;
    await traffic;
    expect(statuses).toContain(503);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);

    const reply = await member.post(`/t/${thread.id}/reply`, { raw: 'Written after the outage' });
    expect(reply.status).toBe(303);
    const rows = await forum.deps.database.rows<{ raw: string }>(sql`select raw from posts where thread_id = ${thread.id} order by number`);
    expect(rows.map((r) => r.raw)).toEqual(['Still here.', 'Written after the outage']);
  });
});
