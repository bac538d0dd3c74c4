import { eq } from 'drizzle-orm';
import { rateLimits, sessions, users } from '../../core/accounts/schema.ts';
import { createTestForum, TEST_ORIGIN } from '../helpers/app.ts';
import { setUser, warmDatabase } from './fixtures.ts';

const password = 'correct horse battery';

beforeAll(warmDatabase);

describe('POST /login', () => {
  it('signs in by username or by email, records lastSeenAt and fires user.loggedIn', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'alice', email: 'Alice@Example.com' });
    const seen: number[] = [];
    forum.deps.plugins.hooks.addAction('user.loggedIn', ({ user: u }) => void seen.push(u.id), { owner: 'test' });

    const byName = forum.client();
    const res = await byName.post('/login', { login: 'ALICE', password, next: '/preferences' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/preferences');
    expect((await byName.get('/preferences')).status).toBe(200);

    const byEmail = forum.client();
    expect((await byEmail.post('/login', { login: 'alice@example.com', password })).headers.get('location')).toBe('/');
    expect((await byEmail.get('/preferences')).status).toBe(200);

    expect(seen).toEqual([user.id, user.id]);
    const [row] = await forum.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSeenAt).toBeInstanceOf(Date);
  });

  it('gives a wrong password and an unknown account exactly the same answer', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'bob' });
    const wrong = await forum.client().post('/login', { login: 'bob', password: 'not the password' });
    const unknown = await forum.client().post('/login', { login: 'nobody', password: 'not the password' });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const pick = (html: string) => /<div class="flash error" role="alert">([^<]*)<\/div>/.exec(html)?.[1];
    const a = pick(await wrong.text());
    expect(a).toBe('Wrong username, email or password.');
    expect(pick(await unknown.text())).toBe(a);
  });

  it('ignores an off-site next', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'carol' });
    const res = await forum.client().post('/login', { login: 'carol', password, next: 'https://evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
  });

  it('refuses a login form sent from another site, or naming no origin at all', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'dave' });
    const client = forum.client();
    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const res = await client.request('/login', {
        method: 'POST',
        body: new URLSearchParams({ login: 'dave', password }),
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(403);
    }
    expect(client.cookies.has('session')).toBe(false);
  });

  it('answers the 11th attempt on one account with 429, and a success resets the count', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'erin', email: 'erin@example.com' });
    const client = forum.client();
    for (let i = 0; i < 9; i++) expect((await client.post('/login', { login: 'erin', password: 'wrong password' })).status).toBe(400);
    expect((await client.post('/login', { login: 'erin@example.com', password })).status).toBe(303);
    expect(await forum.deps.db.select().from(rateLimits).where(eq(rateLimits.key, `login:account:u${user.id}`))).toHaveLength(0);

    const other = forum.client();
    // the username and the email count against the same account
    for (let i = 0; i < 10; i++) {
      const login = i % 2 ? 'erin' : 'ERIN@example.com';
      expect((await other.post('/login', { login, password: 'wrong password' })).status).toBe(400);
    }
    const blocked = await other.post('/login', { login: 'erin', password });
    expect(blocked.status).toBe(429);
    expect(other.cookies.has('session')).toBe(false);
  });

  it('tells a suspended member why and until when, but only once the password is right', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'frank' });
    const until = new Date(Date.now() + 3 * 86400_000);
    await setUser(forum, user.id, { status: 'suspended', statusReason: 'Repeated spam links', statusUntil: until });

    const wrong = await forum.client().post('/login', { login: 'frank', password: 'wrong password' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).not.toContain('Repeated spam links');

    const client = forum.client();
    const res = await client.post('/login', { login: 'frank', password });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('Your account is suspended until');
    expect(html).toContain(String(until.getUTCFullYear()));
    expect(html).toContain('Reason: Repeated spam links');
    expect(client.cookies.has('session')).toBe(false);

    await setUser(forum, user.id, { status: 'banned', statusReason: null, statusUntil: null });
    const banned = await forum.client().post('/login', { login: 'frank', password });
    expect(banned.status).toBe(403);
    expect(await banned.text()).toContain('Your account is banned.');
  });

  it('lets a member in once their suspension has ended', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'gina' });
    await setUser(forum, user.id, { status: 'suspended', statusReason: 'x', statusUntil: new Date(Date.now() - 1000) });
    expect((await forum.client().post('/login', { login: 'gina', password })).status).toBe(303);
  });

  it('replaces the session it came with instead of keeping it', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'hugo' });
    const before = client.cookies.get('session');
    await client.post('/login', { login: 'hugo', password });
    expect(client.cookies.get('session')).not.toBe(before);
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('answers htmx with the form fragment on failure and HX-Redirect on success', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'iris' });
    const client = forum.client();
    const bad = await client.htmx('POST', '/login', { login: 'iris', password: 'nope nope' });
    expect(bad.status).toBe(400);
    expect((await bad.text()).startsWith('<form')).toBe(true);
    const good = await client.htmx('POST', '/login', { login: 'iris', password, next: '/u/iris' });
    expect(good.status).toBe(204);
    expect(good.headers.get('hx-redirect')).toBe('/u/iris');
  });

  it('renders the login page in Chinese for Accept-Language zh-CN', async () => {
    const forum = await createTestForum();
    const res = await forum.client().get('/login', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' });
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('用户名或邮箱');
    expect(html).toContain('忘记密码？');
  });
});
