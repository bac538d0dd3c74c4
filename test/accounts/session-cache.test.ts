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
});
