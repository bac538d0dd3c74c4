import { eq } from 'drizzle-orm';
import { sessions, users } from '../../core/accounts/schema.ts';
import { createUser } from '../../core/accounts/service/users.ts';
import { ValidationError } from '../../core/http/validation.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { warmDatabase } from './fixtures.ts';

async function rejection(forum: TestForum, input: { username: string; email?: string; password?: string }) {
  try {
    await createUser(forum.deps.db, { email: `${Math.random().toString(36).slice(2)}@example.com`, password: 'long enough pw', ...input });
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  return null;
}

beforeAll(warmDatabase);

describe('registration rules', () => {
  it('refuses look-alike, invisible and bidi usernames and folds full-width letters', async () => {
    const forum = await createTestForum();
    await createUser(forum.deps.db, { username: 'scope', email: 'scope@example.com', password: 'long enough pw' });
    // all-Cyrillic "ѕсоре" renders exactly like "scope"
    expect(await rejection(forum, { username: 'ѕсоре' })).toEqual({ username: 'account.username.taken' });
    // one Cyrillic "а" among Latin letters
    expect(await rejection(forum, { username: 'аlice' })).toEqual({ username: 'account.username.mixedScripts' });
    expect(await rejection(forum, { username: 'ali\u200bce' })).toEqual({ username: 'account.username.invisible' });
    expect(await rejection(forum, { username: 'alice\u202e' })).toEqual({ username: 'account.username.invisible' });
    expect(await rejection(forum, { username: 'ＳＣＯＰＥ' })).toEqual({ username: 'account.username.taken' });
    const wide = await createUser(forum.deps.db, { username: 'Ｂｏｂ', email: 'bob@example.com', password: 'long enough pw' });
    expect(wide.username).toBe('Bob');
  });

  it('refuses a duplicate email whatever its case, and a password equal to the username or email', async () => {
    const forum = await createTestForum();
    await createUser(forum.deps.db, { username: 'carol', email: 'Carol@Example.com', password: 'long enough pw' });
    expect(await rejection(forum, { username: 'carol2', email: 'carol@EXAMPLE.com' })).toEqual({ email: 'account.email.taken' });
    expect(await rejection(forum, { username: 'davedave', password: 'DaveDave' })).toEqual({ password: 'account.password.sameAsName' });
    expect(await rejection(forum, { username: 'erin', email: 'erin@mail.example', password: 'erin@mail.example' })).toEqual({
      password: 'account.password.sameAsName',
    });
  });
});

describe('POST /register', () => {
  it('creates the member, signs them in, fires user.registered and honours a safe next', async () => {
    const forum = await createTestForum();
    const seen: string[] = [];
    forum.deps.plugins.hooks.addAction('user.registered', ({ user }) => void seen.push(user.username), { owner: 'test' });
    const client = forum.client();
    const res = await client.post('/register', {
      username: 'xiaoming',
      displayName: '小明',
      email: 'xm@example.com',
      password: 'a good password',
      next: '/u/xiaoming',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/u/xiaoming');
    expect(seen).toEqual(['xiaoming']);
    const [user] = await forum.deps.db.select().from(users).where(eq(users.username, 'xiaoming'));
    expect(user?.displayName).toBe('小明');
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);
    expect((await client.get('/preferences')).status).toBe(200);
  });

  it('never redirects off-site', async () => {
    const forum = await createTestForum();
    const res = await forum.client().post('/register', {
      username: 'yuki', email: 'yuki@example.com', password: 'a good password', next: '//evil.example/',
    });
    expect(res.headers.get('location')).toBe('/');
  });

  it('re-renders the whole page with inline errors and 400 without JavaScript', async () => {
    const forum = await createTestForum();
    const res = await forum.client().post('/register', { username: 'a\u200bb', email: 'nope', password: 'short' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html');
    expect(html).toContain('cannot contain spaces or invisible characters');
    expect(html).toContain('Enter a valid email address.');
    expect(await forum.deps.db.select().from(users)).toHaveLength(0);
  });

  it('answers htmx with just the form and its errors', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'taken', email: 'taken@example.com' });
    const res = await forum.client().htmx('POST', '/register', { username: 'TAKEN', email: 'new@example.com', password: 'a good password' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html.startsWith('<form')).toBe(true);
    expect(html).toContain('is taken');
    expect(html).toContain('value="TAKEN"');
  });

  it('succeeds over htmx with an HX-Redirect', async () => {
    const forum = await createTestForum();
    const res = await forum.client().htmx('POST', '/register', { username: 'hana', email: 'hana@example.com', password: 'a good password' });
    expect(res.status).toBe(204);
    expect(res.headers.get('hx-redirect')).toBe('/');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(true);
  });

  it('limits sign-ups per address', async () => {
    const forum = await createTestForum();
    const client = forum.client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await client.post('/register', { username: 'x', email: 'bad', password: 'x' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
