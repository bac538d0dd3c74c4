import { eq } from 'drizzle-orm';
import { sessions, users } from '../../core/accounts/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { warmDatabase } from './fixtures.ts';

const password = 'correct horse battery';
const valid = { displayName: 'Alice A.', bio: 'Hello\r\nworld', locale: '', theme: 'dark', timeZone: 'Asia/Shanghai' };

beforeAll(warmDatabase);

describe('/preferences', () => {
  it('sends guests to log in and back', async () => {
    const forum = await createTestForum();
    const res = await forum.client().get('/preferences');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fpreferences');
  });

  it('saves profile settings and says so', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'alice' });
    const res = await client.post('/preferences', valid);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/preferences?saved=profile');
    const [row] = await forum.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ displayName: 'Alice A.', bio: 'Hello\nworld', locale: null, theme: 'dark', timeZone: 'Asia/Shanghai' });
    const page = await (await client.get('/preferences?saved=profile')).text();
    expect(page).toContain('Saved.');
    expect(page).toContain('data-theme="dark"');
    expect(page).toContain('<option value="Asia/Shanghai" selected="">');
  });

  it('falls back to the username when the display name is emptied', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'bob', displayName: 'Bobby' });
    await client.post('/preferences', { ...valid, displayName: '   ' });
    const [row] = await forum.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.displayName).toBe('bob');
  });

  it('switches the page language', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ username: 'carol' });
    expect(await (await client.get('/')).text()).toContain('<html lang="en"');
    await client.post('/preferences', { ...valid, locale: 'zh-CN' });
    const html = await (await client.get('/preferences')).text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('偏好设置');
  });

  it('refuses an unknown time zone, a too long bio and a made-up theme with inline errors', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'dave' });
    const res = await client.post('/preferences', { ...valid, timeZone: 'Mars/Olympus', bio: 'x'.repeat(1001), theme: 'neon' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Choose a time zone from the list.');
    expect(html).toContain('at most 1000 characters');
    expect(html).toContain('This value is not valid.');
    const [row] = await forum.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.timeZone).toBeNull();

    const fragment = await client.htmx('POST', '/preferences', { ...valid, timeZone: 'Nowhere/City' });
    expect(fragment.status).toBe(400);
    expect((await fragment.text()).startsWith('<form')).toBe(true);
  });

  it('accepts a bio of exactly 1000 CJK characters', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ username: 'erin' });
    expect((await client.post('/preferences', { ...valid, bio: '论'.repeat(1000) })).status).toBe(303);
  });

  it('changes the password with the current one, ending the other sessions only', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'frank', email: 'frank@example.com' });
    const phone = forum.client();
    await phone.post('/login', { login: 'frank', password });

    const wrong = await client.post('/preferences/password', { currentPassword: 'not it at all', newPassword: 'a brand new secret' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('That is not your current password.');
    const same = await client.post('/preferences/password', { currentPassword: password, newPassword: 'FRANK@example.com' });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain('cannot be your username or email');

    const ok = await client.post('/preferences/password', { currentPassword: password, newPassword: 'a brand new secret' });
    expect(ok.status).toBe(303);
    expect((await client.get('/preferences')).status).toBe(200);
    expect((await phone.get('/preferences')).status).toBe(303);
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    expect((await forum.client().post('/login', { login: 'frank', password: 'a brand new secret' })).status).toBe(303);
  });

  it('offers log out everywhere', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ username: 'gina' });
    const html = await (await client.get('/preferences')).text();
    expect(html).toContain('action="/logout/all"');
    expect(html).toContain('Log out everywhere');
  });
});
