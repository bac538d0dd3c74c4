import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { readFileSync } from 'node:fs';
import { createUser } from '../../core/accounts/service/users.ts';
import { createForum, type Forum } from '../../core/bootstrap.ts';
import { loadConfig } from '../../core/config/index.ts';
import { patchEmailPreferences, scheduleDigests } from '../../core/digests/index.ts';
import { createCategory } from '../../core/forum/service/categories.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { createLogger } from '../../core/logger.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { TEST_ORIGIN, TestClient } from '../helpers/app.ts';
import { startSmtp, type TestSmtp } from '../mail/smtp.ts';

const serverUrl = process.env.DATABASE_URL;

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!serverUrl)('two app instances on one PostgreSQL behave as one forum (runs with DATABASE_URL)', () => {
  let a: Forum;
  let b: Forum;
  let smtp: TestSmtp;

  beforeAll(async () => {
    const name = `${process.env.FORUM_TEST_RUN ?? 'forum_test'}_pair_${process.pid}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    smtp = await startSmtp();
    const config = loadConfig({
      NODE_ENV: 'test',
      BASE_URL: TEST_ORIGIN,
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      SMTP_URL: smtp.url,
      PAGE_CACHE_MS: '60000',
      SECRET: 'two-instances-share-one-secret-0123456789',
    });
    // both start at once: migrations run once, behind the advisory lock
    [a, b] = await Promise.all([
      createForum({ config, logger: createLogger('silent'), plugins: [] }),
      createForum({ config, logger: createLogger('silent'), plugins: [] }),
    ]);
    await updateSiteSettings(a.deps.db, { setupComplete: true, forumName: 'Pair', setupToken: null });
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await smtp?.close();
  });

  it('applied each migration exactly once although both instances started together', async () => {
    const journal = JSON.parse(readFileSync('migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
    const [row] = await a.deps.database.rows<{ n: number }>(sql`select count(*)::int n from drizzle.__drizzle_migrations`);
    expect(row!.n).toBe(journal.entries.length);
  });

  it('shares sessions and rate limits', async () => {
    await createUser(a.deps.db, { username: 'roamer', email: 'roamer@example.com', password: 'correct horse battery' });
    const onA = new TestClient(a);
    const login = await onA.post('/login', { login: 'roamer', password: 'correct horse battery' });
    expect(login.status).toBe(303);
    const onB = new TestClient(b);
    onB.cookies.set('session', onA.cookies.get('session')!);
    expect(await (await onB.get('/')).text()).toContain('roamer');

    // the account limit is 10 failures per 15 minutes, counted across instances
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const client = new TestClient(i % 2 ? a : b);
      statuses.push((await client.post('/login', { login: 'roamer', password: `wrong ${i}` })).status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
  });

  it('refuses a session on the other instance as soon as it is logged out, though both keep sessions in memory', async () => {
    await createUser(a.deps.db, { username: 'leaver', email: 'leaver@example.com', password: 'correct horse battery' });
    const onA = new TestClient(a);
    expect((await onA.post('/login', { login: 'leaver', password: 'correct horse battery' })).status).toBe(303);
    const onB = new TestClient(b);
    onB.cookies.set('session', onA.cookies.get('session')!);
    // twice: the second answer comes from B's memory
    expect(await (await onB.get('/')).text()).toContain('/u/leaver');
    expect(await (await onB.get('/')).text()).toContain('/u/leaver');

    expect((await onA.post('/logout', {})).status).toBe(303);
    await until(async () => !(await (await onB.get('/')).text()).includes('/u/leaver'), 2000);
  });

  it("delivers live events across instances, which also empties the other instance's page cache", async () => {
    const author = await createUser(a.deps.db, { username: 'writer', email: 'writer@example.com', password: 'correct horse battery' });
    const category = await createCategory(a.deps.db, { name: 'Shared', slug: 'shared' });
    const { thread } = await createThread(
      { db: a.deps.db, hooks: a.deps.plugins.hooks, user: author, restrictTags: false },
      { categoryId: category.id, title: 'Seen from both sides', raw: 'First post.' },
    );
    const guestOnB = new TestClient(b);
    // the thread's own creation events may still be on their way to B: wait until B serves it from cache
    await until(async () => (await guestOnB.get(threadPath(thread))).headers.get('x-page-cache') === 'hit', 5000);

    const received = new Promise((resolve) => b.deps.live.subscribe(`thread:${thread.id}`, resolve));
    const writer = new TestClient(a);
    await writer.post('/login', { login: 'writer', password: 'correct horse battery' });
    expect((await writer.post(`/t/${thread.id}/reply`, { raw: 'Written on instance A' })).status).toBe(303);
    await received;
    await until(async () => (await (await guestOnB.get(threadPath(thread))).text()).includes('Written on instance A'), 5000);
  });

  it('sends one digest per member, not one per instance, when both run the scheduler and workers', async () => {
    const readers: { email: string }[] = [];
    for (const name of ['reader1', 'reader2', 'reader3']) {
      const user = await createUser(a.deps.db, { username: name, email: `${name}@example.com`, password: 'correct horse battery' });
      await patchEmailPreferences(a.deps.db, user.id, { digest: 'daily', digestHour: 9 });
      readers.push(user);
    }
    const author = await createUser(a.deps.db, { username: 'newsmaker', email: 'newsmaker@example.com', password: 'correct horse battery' });
    const category = await createCategory(a.deps.db, { name: 'News', slug: 'news' });
    await createThread({ db: a.deps.db, hooks: a.deps.plugins.hooks, user: author, restrictTags: false }, { categoryId: category.id, title: 'Something new to read', raw: 'Digest me.' });
    const now = new Date(Date.now() + 60_000);
    now.setUTCHours(9, 30, 0, 0);
    await Promise.all([a.deps.jobs.start({ workers: true, timeZone: 'UTC' }), b.deps.jobs.start({ workers: true, timeZone: 'UTC' })]);
    await Promise.all([scheduleDigests(a.deps, now), scheduleDigests(b.deps, now)]);
    await Promise.all([a.deps.jobs.drain('digests.send'), b.deps.jobs.drain('digests.send')]);
    const perReader = () => readers.map((r) => smtp.mails.filter((m) => m.to.includes(r.email)).length);
    await until(async () => perReader().every((n) => n >= 1), 30_000);
    // give a duplicate, if any, time to arrive
    await new Promise((r) => setTimeout(r, 2000));
    expect(perReader()).toEqual([1, 1, 1]);
  });
});
