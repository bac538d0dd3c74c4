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
