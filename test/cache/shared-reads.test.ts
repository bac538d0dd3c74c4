import { SharedReads } from '../../core/cache/shared-reads.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { toggleLike } from '../../core/forum/service/likes.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread, writeAs } from '../forum/helpers.ts';

describe('shared reads', () => {
  it('loads a key once for concurrent callers, keeps it for the ttl, and forgets it on clear', async () => {
    const shared = new SharedReads<number>({ ttlMs: 1000, maxEntries: 10 });
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([shared.get('k', load, 0), shared.get('k', load, 0)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await shared.get('k', load, 500)).toBe(1);
    expect(await shared.get('k', load, 1500)).toBe(2);
    shared.clear();
    expect(await shared.get('k', load, 1600)).toBe(3);
  });

  it('holds at most maxEntries, and lets go of expired entries as soon as anything new is loaded', async () => {
    const shared = new SharedReads<string>({ ttlMs: 1000, maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await shared.get(key, async () => key, 0);
    expect(shared.size).toBe(3);
    await shared.get('e', async () => 'e', 2000);
    expect(shared.size).toBe(1);
  });

  it('answers with what just expired while it loads again, for at most one more ttl, and never after a clear', async () => {
    const shared = new SharedReads<string>({ ttlMs: 1000, maxEntries: 10 });
    await shared.get('k', async () => 'first', 0);
    let release!: (value: string) => void;
    const again = () => new Promise<string>((resolve) => (release = resolve));

    // expired: get waits for the new load; meanwhile the old value is there for those who would rather not
    const waiting = shared.get('k', again, 1500);
    expect(shared.peekNow('k', 1500)).toBeUndefined();
    expect(shared.peekPrevious('k', 1500)).toEqual({ value: 'first' });
    expect(await shared.getOrPrevious('k', again, 1600)).toBe('first');
    // one more ttl at most after it was loaded
    expect(shared.peekPrevious('k', 2001)).toBeUndefined();
    release('second');
    expect(await waiting).toBe('second');
    expect(shared.peekPrevious('k', 1700)).toBeUndefined();
    expect(shared.peekNow('k', 1700)).toEqual({ value: 'second' });

    // getOrPrevious on an expired key answers at once and loads behind the answer
    let loads = 0;
    expect(await shared.getOrPrevious('k', async () => `third ${++loads}`, 2600)).toBe('second');
    await Promise.resolve();
    expect(loads).toBe(1);
    expect(shared.peekNow('k', 2700)).toEqual({ value: 'third 1' });
    // too old to answer with: it waits
    expect(await shared.getOrPrevious('k', async () => 'fourth', 5000)).toBe('fourth');

    // a write empties everything, what was there before included
    shared.get('k', again, 7000);
    shared.clear();
    expect(shared.peekPrevious('k', 7000)).toBeUndefined();
    expect(await shared.getOrPrevious('k', async () => 'after the write', 7000)).toBe('after the write');
  });

  it('does not keep what was loading when a write cleared it', async () => {
    const shared = new SharedReads<string>({ ttlMs: 60_000, maxEntries: 10 });
    let release!: () => void;
    const slow = shared.get('k', () => new Promise<string>((resolve) => (release = () => resolve('before the write'))));
    shared.clear();
    release();
    expect(await slow).toBe('before the write');
    expect(await shared.get('k', async () => 'after the write')).toBe('after the write');
  });
});

describe('thread pages and listings from shared reads', () => {
  it('keeps each member’s likes and unread state their own, and shows writes at once', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const alice = await forum.member({ username: 'alice' });
    const bob = await forum.member({ username: 'bob' });
    const c = await category(forum, { name: 'Shared', slug: 'shared' });
    const { thread: t } = await thread(forum, alice.user, { categoryId: c.id, title: 'Shared by everyone' });
    const answer = await reply(forum, alice.user, t.id, 'A reply worth liking');
    await toggleLike(writeAs(forum, bob.user), answer.id);

    const pressed = async (client: typeof alice.client) => {
      const html = await (await client.get(threadPath(t))).text();
      return /aria-pressed="(true|false)"/.exec(html.slice(html.indexOf(`/p/${answer.id}/like`)))?.[1];
    };
    expect(await pressed(bob.client)).toBe('true');
    const carol = await forum.member({ username: 'carol' });
    expect(await pressed(carol.client)).toBe('false');

    // carol has read the thread; a new reply shows as unread on her home page at once, not on bob's
    expect(await (await bob.client.get('/')).text()).toContain('Shared by everyone');
    await reply(forum, alice.user, t.id, 'Something new for carol');
    const home = await (await carol.client.get('/')).text();
    expect(home).toContain('unread-badge');
    expect(await (await carol.client.get('/')).text()).toContain('unread-badge');
    const fresh = forum.client();
    expect(await (await fresh.get('/')).text()).not.toContain('unread-badge');
    const page = await (await carol.client.get(threadPath(t))).text();
    expect(page).toContain('Something new for carol');
  });
});
