import { ViewerReads } from '../../core/cache/viewer-reads.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { notify } from '../../core/notifications/service.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread } from '../forum/helpers.ts';

describe('viewer reads', () => {
  it('keeps each member’s reads under their own id, for the ttl', async () => {
    const reads = new ViewerReads({ ttlMs: 1000, maxMembers: 10 });
    let loads = 0;
    const load = (value: string) => async () => {
      loads++;
      return value;
    };
    expect(await reads.get(1, 'counts', load('alice’s'), 0)).toBe('alice’s');
    expect(await reads.get(2, 'counts', load('bob’s'), 0)).toBe('bob’s');
    expect(await reads.get(1, 'counts', load('never'), 500)).toBe('alice’s');
    expect(loads).toBe(2);
    expect(await reads.get(1, 'counts', load('alice’s again'), 1500)).toBe('alice’s again');
  });

  it('forgets one member, or everyone, and keeps nothing that was loading meanwhile', async () => {
    const reads = new ViewerReads({ ttlMs: 60_000, maxMembers: 10 });
    await reads.get(1, 'k', async () => 'one');
    await reads.get(2, 'k', async () => 'two');
    reads.forget(1);
    expect(await reads.get(1, 'k', async () => 'one, fresh')).toBe('one, fresh');
    expect(await reads.get(2, 'k', async () => 'not asked')).toBe('two');

    let release!: () => void;
    const slow = reads.get(3, 'k', () => new Promise<string>((resolve) => (release = () => resolve('before the write'))));
    reads.clear();
    release();
    expect(await slow).toBe('before the write');
    expect(await reads.get(3, 'k', async () => 'after the write')).toBe('after the write');
    expect(await reads.get(2, 'k', async () => 'two, fresh')).toBe('two, fresh');
  });

  it('holds at most maxMembers, dropping those who came first, and never keeps a failed load', async () => {
    const reads = new ViewerReads({ ttlMs: 60_000, maxMembers: 2 });
    for (const id of [1, 2, 3]) await reads.get(id, 'k', async () => id, 0);
    expect(reads.memberCount).toBe(2);
    expect(await reads.get(1, 'k', async () => 10, 0)).toBe(10);
    await expect(reads.get(4, 'k', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await reads.get(4, 'k', async () => 4)).toBe(4);
  });

  it('loads every time when the caches are off (PAGE_CACHE_MS=0)', async () => {
    const reads = new ViewerReads({ ttlMs: 0, maxMembers: 10 });
    let loads = 0;
    await reads.get(1, 'k', async () => ++loads);
    await reads.get(1, 'k', async () => ++loads);
    expect(loads).toBe(2);
  });
});

describe('a member’s pages with the caches on', () => {
  const pressed = (html: string, postId: number) => /aria-pressed="(true|false)"/.exec(html.slice(html.indexOf(`/p/${postId}/like`)))?.[1];
  const bell = (html: string) => /class="count">(\d+)</.exec(html.slice(html.indexOf('notifications.bell') >= 0 ? 0 : html.indexOf('/notifications')))?.[1] ?? '0';

  it('shows the member’s own like, watch level and bell as soon as they change', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const alice = await forum.member({ username: 'alice' });
    const bob = await forum.member({ username: 'bob' });
    const c = await category(forum, { name: 'Cached', slug: 'cached' });
    const { thread: t } = await thread(forum, bob.user, { categoryId: c.id, title: 'Read many times' });
    const answer = await reply(forum, bob.user, t.id, 'Worth a like');

    const page = async () => (await alice.client.get(threadPath(t))).text();
    const first = await page();
    expect(pressed(first, answer.id)).toBe('false');
    expect(first).toContain('value="normal" selected');

    expect((await alice.client.post(`/p/${answer.id}/like`, {})).status).toBeLessThan(400);
    expect(pressed(await page(), answer.id)).toBe('true');

    expect((await alice.client.post(`/t/${t.id}/watch`, { level: 'watching' })).status).toBeLessThan(400);
    expect(await page()).toContain('value="watching" selected');

    // a notification written outside any request (as a job does) reaches the bell through its live event
    expect(bell(await page())).toBe('0');
    await notify(forum.deps.db, { userId: alice.user.id, type: 'mention', actorId: bob.user.id, url: `/p/${answer.id}`, data: { actor: 'bob', title: t.title } });
    await expect.poll(async () => bell(await page()), { timeout: 2000 }).toBe('1');
  });

  it('drops a member’s counts when opening a conversation marks it read, though that is a GET', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const alice = await forum.member({ username: 'alice' });
    const bob = await forum.member({ username: 'bob' });
    const messages = (html: string) => /class="messages-link"[^>]*>[\s\S]*?<\/a>/.exec(html)?.[0].match(/class="count">(\d+)</)?.[1] ?? '0';
    const start = await alice.client.post('/messages', { to: 'bob', raw: 'Hello Bob' });
    expect(start.status).toBe(303);
    expect(messages(await (await bob.client.get('/')).text())).toBe('1');
    // held in memory now; opening the conversation is what must clear it
    expect(messages(await (await bob.client.get('/')).text())).toBe('1');
    expect((await bob.client.get(start.headers.get('location')!)).status).toBe(200);
    expect(messages(await (await bob.client.get('/')).text())).toBe('0');
  });

  it('refuses a session at once after the member logs out', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const alice = await forum.member({ username: 'alice' });
    expect(await (await alice.client.get('/')).text()).toContain('alice');
    const token = alice.client.cookies.get('session')!;
    expect((await alice.client.post('/logout', {})).status).toBe(303);

    const replay = forum.client();
    replay.cookies.set('session', token);
    const html = await (await replay.get('/')).text();
    expect(html).not.toContain('/u/alice');
    expect(html).toContain('/login');
  });
});
