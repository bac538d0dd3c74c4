import { vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { threads } from '../../core/forum/schema.ts';
import { alreadyMarked, categoryWatchLevel, lastReadNumber, markRead, registerWatchDefaults, setThreadWatch, unreadCounts, watchLevel } from '../../core/watching/index.ts';
import { createTestForum } from '../helpers/app.ts';
import { makeCategory, replyTo, startThread } from '../notifications/helpers.ts';

async function setup() {
  const forum = await createTestForum();
  registerWatchDefaults(forum.deps.plugins.hooks, forum.deps.db);
  const alice = await forum.member({ username: 'alice' });
  const bob = await forum.member({ username: 'bob' });
  const category = await makeCategory(forum);
  return { forum, alice, bob, category };
}

describe('watch levels', () => {
  it('makes members who start or reply to a thread watch it, unless they chose a level before', async () => {
    const { forum, alice, bob, category } = await setup();
    const { user: carol } = await forum.member();
    const { thread } = await startThread(forum, alice.user, category);
    expect(await watchLevel(forum.deps.db, alice.user.id, thread.id)).toBe('watching');
    expect(await watchLevel(forum.deps.db, bob.user.id, thread.id)).toBe('normal');
    const reply = await replyTo(forum, bob.user, thread, category);
    expect(await watchLevel(forum.deps.db, bob.user.id, thread.id)).toBe('watching');
    // their own posts are not new to them
    expect(await lastReadNumber(forum.deps.db, alice.user.id, thread.id)).toBe(1);
    expect(await lastReadNumber(forum.deps.db, bob.user.id, thread.id)).toBe(reply.number);
    await setThreadWatch(forum.deps.db, carol.id, thread.id, 'muted');
    await replyTo(forum, carol, thread, category);
    expect(await watchLevel(forum.deps.db, carol.id, thread.id)).toBe('muted');
  });

  it('sets a thread level by form (redirect back) or htmx (the updated control)', async () => {
    const { forum, alice, bob, category } = await setup();
    const { thread } = await startThread(forum, alice.user, category);
    const plain = await bob.client.post(`/t/${thread.id}/watch`, { level: 'tracking', next: `/t/${thread.id}?page=1` });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/t/${thread.id}?page=1`);
    expect(await watchLevel(forum.deps.db, bob.user.id, thread.id)).toBe('tracking');

    const evil = await bob.client.post(`/t/${thread.id}/watch`, { level: 'muted', next: '//evil.example/' });
    expect(evil.headers.get('location')).toBe(`/t/${thread.id}`);

    const fragment = await bob.client.htmx('POST', `/t/${thread.id}/watch`, { level: 'watching', next: '/latest' });
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('<option value="watching" selected="">Watching</option>');
    expect(html).toMatch(/<label for="watch-thread-\d+">Notifications for this thread<\/label>/);
    expect(html).toContain('Saved.');
    expect(html).toContain('name="next" value="/latest"');
    expect(await watchLevel(forum.deps.db, bob.user.id, thread.id)).toBe('watching');

    expect((await bob.client.post(`/t/${thread.id}/watch`, { level: 'loud' })).status).toBe(400);
    expect((await forum.client().post(`/t/${thread.id}/watch`, { level: 'muted' })).status).toBe(403);
    expect((await bob.client.post('/t/999999/watch', { level: 'muted' })).status).toBe(404);
  });

  it('refuses to watch what the member cannot read', async () => {
    const { forum, bob } = await setup();
    const { user: mod } = await forum.member({ role: 'moderator' });
    const hidden = await makeCategory(forum, { readAccess: 'moderator' });
    const annex = await makeCategory(forum, { parentId: hidden.id });
    const { thread } = await startThread(forum, mod, annex);
    expect((await bob.client.post(`/t/${thread.id}/watch`, { level: 'watching' })).status).toBe(404);
    expect((await bob.client.post(`/c/${hidden.slug}/watch`, { level: 'watching' })).status).toBe(404);
    expect((await bob.client.post(`/c/${annex.slug}/watch`, { level: 'watching' })).status).toBe(404);
    expect(await categoryWatchLevel(forum.deps.db, bob.user.id, annex.id)).toBe('normal');
    const admin = await forum.member({ role: 'admin' });
    expect((await admin.client.post(`/c/${annex.slug}/watch`, { level: 'watching' })).status).toBe(303);
    expect(await categoryWatchLevel(forum.deps.db, admin.user.id, annex.id)).toBe('watching');
  });

  it('sets a category level, which threads inherit unless set themselves', async () => {
    const { forum, alice, bob, category } = await setup();
    const sub = await makeCategory(forum, { parentId: category.id });
    const { thread } = await startThread(forum, alice.user, sub);
    const res = await bob.client.htmx('POST', `/c/${category.slug}/watch`, { level: 'muted' });
    expect(await res.text()).toContain('<option value="muted" selected="">Muted</option>');
    expect(await categoryWatchLevel(forum.deps.db, bob.user.id, category.id)).toBe('muted');
    expect(await categoryWatchLevel(forum.deps.db, bob.user.id, sub.id)).toBe('muted');
    expect(await watchLevel(forum.deps.db, bob.user.id, thread.id)).toBe('muted');
    await setThreadWatch(forum.deps.db, bob.user.id, thread.id, 'tracking');
    expect(await watchLevel(forum.deps.db, bob.user.id, thread.id)).toBe('tracking');
  });
});

describe('read tracking', () => {
  it('never moves backwards', async () => {
    const { forum, alice, bob, category } = await setup();
    const { thread } = await startThread(forum, alice.user, category);
    const db = forum.deps.db;
    expect(await lastReadNumber(db, bob.user.id, thread.id)).toBe(0);
    await markRead(db, bob.user.id, thread.id, 5);
    await markRead(db, bob.user.id, thread.id, 3);
    expect(await lastReadNumber(db, bob.user.id, thread.id)).toBe(5);
    await markRead(db, bob.user.id, thread.id, 8);
    expect(await lastReadNumber(db, bob.user.id, thread.id)).toBe(8);
  });

  it('remembers what it wrote per database handle: a mark inside a transaction that rolled back is written again', async () => {
    const { forum, alice, bob, category } = await setup();
    const { thread } = await startThread(forum, alice.user, category);
    const db = forum.deps.db;
    await db
      .transaction(async (tx) => {
        await markRead(tx, bob.user.id, thread.id, 4);
        tx.rollback();
      })
      .catch(() => {});
    expect(await lastReadNumber(db, bob.user.id, thread.id)).toBe(0);
    expect(alreadyMarked(db, bob.user.id, thread.id, 4)).toBe(false);
    await markRead(db, bob.user.id, thread.id, 4);
    expect(await lastReadNumber(db, bob.user.id, thread.id)).toBe(4);
    expect(alreadyMarked(db, bob.user.id, thread.id, 4)).toBe(true);
  });

  it('counts unread posts for many threads in one query, skipping unopened, finished and muted threads', async () => {
    const { forum, alice, bob, category } = await setup();
    const db = forum.deps.db;
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await startThread(forum, alice.user, category)).thread);
    const [a, b, c, d, e] = made as [typeof made[0], typeof made[0], typeof made[0], typeof made[0], typeof made[0]];
    for (const [t, last] of [[a, 30], [b, 7], [c, 4], [d, 9], [e, 12]] as const) {
      await db.update(threads).set({ lastPostNumber: last }).where(eq(threads.id, t.id));
    }
    await markRead(db, bob.user.id, a.id, 20);
    await markRead(db, bob.user.id, b.id, 2);
    await markRead(db, bob.user.id, c.id, 4);
    await markRead(db, bob.user.id, e.id, 1);
    await setThreadWatch(db, bob.user.id, e.id, 'muted');

    // one prepared statement, built at most once per database handle: never a query per thread
    const select = vi.spyOn(db, 'select');
    const counts = await unreadCounts(db, bob.user.id, made.map((t) => t.id));
    expect(select.mock.calls.length).toBeLessThanOrEqual(1);
    select.mockClear();
    await unreadCounts(db, bob.user.id, made.map((t) => t.id));
    expect(select).not.toHaveBeenCalled();
    select.mockRestore();
    expect(counts).toEqual(
      new Map([
        [a.id, { unread: 10, firstUnreadNumber: 21 }],
        [b.id, { unread: 5, firstUnreadNumber: 3 }],
      ]),
    );
    expect(await unreadCounts(db, bob.user.id, [])).toEqual(new Map());
  });
});
