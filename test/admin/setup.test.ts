import { sql } from 'drizzle-orm';
import { ensureSetupToken } from '../../core/admin/setup.ts';
import { getSiteSettings } from '../../core/site/settings.ts';
import { createTestForum } from '../helpers/app.ts';

const admin = { forumName: '我的社区', defaultLocale: 'zh-CN', username: 'founder', email: 'founder@example.com', password: 'a long secret' };

describe('first start: the setup wizard', () => {
  it('sends every page to /setup until it is done', async () => {
    const forum = await createTestForum({ setup: false });
    const res = await forum.client().get('/latest');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/setup');
  });

  it('needs the one-time token from the log', async () => {
    const forum = await createTestForum({ setup: false });
    await ensureSetupToken(forum.deps.db);
    const res = await forum.client().post('/setup', { ...admin, token: 'wrong' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('setup token');
    const users = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(users[0]!.n).toBe(0);
  });

  it('creates the forum and its first admin, signs them in, and cannot be run twice', async () => {
    const forum = await createTestForum({ setup: false });
    const token = (await ensureSetupToken(forum.deps.db))!;
    const client = forum.client();
    const page = await (await client.get(`/setup?token=${token}`)).text();
    expect(page).toContain(`value="${token}"`);
    const res = await client.post('/setup', { ...admin, token });
    expect(res.status).toBe(302);
    const site = await getSiteSettings(forum.deps.db);
    expect(site).toMatchObject({ setupComplete: true, forumName: '我的社区', defaultLocale: 'zh-CN', setupToken: null });
    const home = await (await client.get('/')).text();
    expect(home).toContain('我的社区');
    expect(home).toContain('lang="zh-CN"');
    const again = await forum.client().post('/setup', { ...admin, username: 'intruder', email: 'i@example.com', token });
    expect(again.status).toBe(302);
    const rows = await forum.deps.database.rows<{ username: string; role: string }>(sql`select username, role from users`);
    expect(rows).toEqual([{ username: 'founder', role: 'admin' }]);
  });

  it('validates the admin account inline', async () => {
    const forum = await createTestForum({ setup: false });
    const token = (await ensureSetupToken(forum.deps.db))!;
    const res = await forum.client().post('/setup', { ...admin, password: 'short', token });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('at least 8 characters');
  });

  it('reuses the same token across restarts until setup is done', async () => {
    const forum = await createTestForum({ setup: false });
    const first = await ensureSetupToken(forum.deps.db);
    expect(await ensureSetupToken(forum.deps.db)).toBe(first);
    expect(first).toMatch(/^[a-z2-7]{32}$/);
  });
});
