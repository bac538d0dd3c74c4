import { eq } from 'drizzle-orm';
import { sessions } from '../../core/accounts/schema.ts';
import { validateSessionCached } from '../../core/accounts/service/session-cache.ts';
import { createTestForum } from '../helpers/app.ts';
import { warmDatabase } from './fixtures.ts';

const DAY = 86400_000;

beforeAll(warmDatabase);

describe('sessions kept in memory (PAGE_CACHE_MS > 0)', () => {
  it('asks the database once per token while nothing is written', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { client } = await forum.member({ username: 'ivy' });
    const token = client.cookies.get('session')!;
    const first = await validateSessionCached(forum.deps, token);
    // the row is gone, but this instance heard of no write: the answer is still the one it read
    await forum.deps.db.delete(sessions);
    expect((await validateSessionCached(forum.deps, token))?.user.username).toBe(first?.user.username);
    forum.deps.pageCache.invalidate();
    expect(await validateSessionCached(forum.deps, token)).toBeNull();
  });

  it('never answers an expired session from memory', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { user, client } = await forum.member({ username: 'jack' });
    const token = client.cookies.get('session')!;
    const held = await validateSessionCached(forum.deps, token);
    // time passes while the entry is held: the session runs out in memory and in the database
    const past = new Date(Date.now() - 1000);
    held!.session.expiresAt = past;
    await forum.deps.db.update(sessions).set({ expiresAt: past }).where(eq(sessions.userId, user.id));
    expect(await validateSessionCached(forum.deps, token)).toBeNull();
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('re-sends the renewed cookie with the request that renewed the session only', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { user, client } = await forum.member({ username: 'kim' });
    await forum.deps.db.update(sessions).set({ expiresAt: new Date(Date.now() + 10 * DAY) }).where(eq(sessions.userId, user.id));
    const renewing = await client.get('/preferences');
    expect(renewing.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(true);
    const next = await client.get('/preferences');
    expect(next.status).toBe(200);
    expect(next.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
  });

  it('answers a session that just expired from memory while it is checked again, unless the check would renew it', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '300' } });
    const lee = await forum.member({ username: 'lee' });
    const token = lee.client.cookies.get('session')!;
    expect((await validateSessionCached(forum.deps, token))?.user.id).toBe(lee.user.id);
    // gone behind the forum's back (no write it heard of); once the held copy expires, the next check
    // answers with it and reads again behind the answer
    await forum.deps.db.delete(sessions).where(eq(sessions.userId, lee.user.id));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await validateSessionCached(forum.deps, token))?.user.id).toBe(lee.user.id);
    await vi.waitFor(async () => expect(await validateSessionCached(forum.deps, token)).toBeNull());

    // a held session close to its end would be renewed by the check: that request waits for it, and
    // sends the new cookie
    const max = await forum.member({ username: 'max' });
    const maxToken = max.client.cookies.get('session')!;
    const held = await validateSessionCached(forum.deps, maxToken);
    const soon = new Date(Date.now() + 10 * DAY);
    held!.session.expiresAt = soon;
    await forum.deps.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.userId, max.user.id));
    await new Promise((resolve) => setTimeout(resolve, 350));
    const renewed = await validateSessionCached(forum.deps, maxToken);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 20 * DAY);
  });
});
