import { eq } from 'drizzle-orm';
import { sessions } from '../../core/accounts/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { warmDatabase } from './fixtures.ts';

const password = 'correct horse battery';
const DAY = 86400_000;

function sessionCookie(res: Response): string {
  const line = res.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (!line) throw new Error('no session cookie');
  return line;
}

beforeAll(warmDatabase);

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over http', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'alice' });
    const cookie = sessionCookie(await forum.client().post('/login', { login: 'alice', password }));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    expect(cookie).toMatch(/; Expires=/);
  });

  it('is Secure when the forum is served over https', async () => {
    const forum = await createTestForum({ env: { BASE_URL: 'https://forum.test' } });
    await forum.member({ username: 'bob' });
    const cookie = sessionCookie(await forum.client().post('/login', { login: 'bob', password }));
    expect(cookie).toMatch(/; Secure/);
  });
});

describe('session lifetime', () => {
  it('treats an expired session as a guest and clears the cookie', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'carol' });
    await forum.deps.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    const res = await client.get('/preferences');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fpreferences');
    expect(client.cookies.has('session')).toBe(false);
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('extends a session used in its last 15 days and re-sends the cookie', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'dave' });
    await forum.deps.db.update(sessions).set({ expiresAt: new Date(Date.now() + 10 * DAY) }).where(eq(sessions.userId, user.id));
    const res = await client.get('/preferences');
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toMatch(/; Expires=/);
    const [row] = await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  });

  it('leaves a fresh session alone', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ username: 'erin' });
    const res = await client.get('/preferences');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
  });
});

describe('logging out', () => {
  it('POST /logout ends this session only and clears the cookie', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'frank' });
    const laptop = forum.client();
    await laptop.post('/login', { login: 'frank', password });
    const res = await client.post('/logout');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(client.cookies.has('session')).toBe(false);
    expect((await client.get('/preferences')).status).toBe(303);
    expect((await laptop.get('/preferences')).status).toBe(200);
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('POST /logout/all ends every session of the member', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'gina' });
    const laptop = forum.client();
    await laptop.post('/login', { login: 'gina', password });
    const other = await forum.member({ username: 'hugo' });
    const res = await client.post('/logout/all');
    expect(res.status).toBe(303);
    expect((await client.get('/preferences')).status).toBe(303);
    expect((await laptop.get('/preferences')).status).toBe(303);
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await other.client.get('/preferences')).status).toBe(200);
  });
});
