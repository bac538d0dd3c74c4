import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../core/accounts/schema.ts';
import { sessions } from '../../core/accounts/schema.ts';
import { posts, threads } from '../../core/forum/schema.ts';
import { notifications } from '../../core/notifications/schema.ts';
import { applySanction, liftSanction } from '../../core/moderation/index.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { reply, thread, writeAs } from '../forum/helpers.ts';
import { toggleLike } from '../../core/forum/service/likes.ts';
import { freshUser, logActions, setup } from './helpers.ts';

let forum: TestForum;
let s: Awaited<ReturnType<typeof setup>>;
const deps = () => ({ db: forum.deps.db, hooks: forum.deps.plugins.hooks });

beforeEach(async () => {
  forum = await createTestForum();
  s = await setup(forum);
});

describe('sanctions', () => {
  it('a warning is a private notice the member can read on their standing page', async () => {
    await applySanction(deps(), { actor: s.mod.user, target: s.alice.user, kind: 'warning', reason: 'Please stay on topic' });
    const notes = await forum.deps.db.select().from(notifications).where(eq(notifications.userId, s.alice.user.id));
    expect(notes.map((n) => n.type)).toContain('moderationWarning');
    const page = await (await s.alice.client.get('/standing')).text();
    expect(page).toContain('Please stay on topic');
    expect(await logActions(forum)).toEqual(['user.warning']);
  });

  it('silence: reads work, posting, replying, liking and messaging do not, and the member sees why and until when', async () => {
    const { thread: t, post } = await thread(forum, s.bob.user, { categoryId: s.cat.id });
    await applySanction(deps(), { actor: s.mod.user, target: s.alice.user, kind: 'silence', reason: 'Flame war', duration: '1d' });
    const alice = await freshUser(forum, s.alice.user.id);
    await expect(reply(forum, alice, t.id)).rejects.toMatchObject({ messageKey: 'forum.reply.sanctioned' });
    await expect(thread(forum, alice, { categoryId: s.cat.id })).rejects.toBeTruthy();
    await expect(toggleLike(writeAs(forum, alice), post.id)).rejects.toMatchObject({ messageKey: 'forum.like.sanctioned' });
    const read = await s.alice.client.get(`/t/${t.id}/${t.slug}`);
    expect(read.status).toBe(200);
    const html = await read.text();
    expect(html).toContain('Flame war');
    expect(html).toContain('standing-notice');
    const pm = await s.alice.client.post('/messages', { to: 'bob', title: 'hi', raw: 'hello there' });
    expect(pm.status).toBe(403);
    expect(await logActions(forum)).toEqual(['user.silence']);
  });

  it('silence ends by itself at its expiry time, without a job', async () => {
    const { thread: t } = await thread(forum, s.bob.user, { categoryId: s.cat.id });
    await applySanction(deps(), { actor: s.mod.user, target: s.alice.user, kind: 'silence', reason: 'Cool down', duration: '1h' });
    await forum.deps.db.update(users).set({ silencedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, s.alice.user.id));
    const alice = await freshUser(forum, s.alice.user.id);
    expect((await reply(forum, alice, t.id)).id).toBeGreaterThan(0);
  });

  it('suspend ends existing sessions and refuses login until it expires; lifting is logged', async () => {
    const sanction = await applySanction(deps(), { actor: s.mod.user, target: s.alice.user, kind: 'suspend', reason: 'Spam', duration: '7d' });
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, s.alice.user.id))).toHaveLength(0);
    const page = await (await s.alice.client.get('/latest')).text();
    expect(page).not.toContain('href="/u/alice"');
    const login = await forum.client().post('/login', { login: 'alice', password: 'correct horse battery' });
    expect(login.status).not.toBe(303);
    await liftSanction(forum.deps.db, { actor: s.mod.user, sanctionId: sanction.id });
    const again = await forum.client().post('/login', { login: 'alice', password: 'correct horse battery' });
    expect(again.status).toBe(303);
    expect(await logActions(forum)).toEqual(['user.suspend', 'user.unsuspend']);
  });

  it('ban can delete everything the member posted, with counters kept right', async () => {
    const { thread: t } = await thread(forum, s.alice.user, { categoryId: s.cat.id });
    await reply(forum, s.bob.user, t.id, 'Bob answers');
    const { thread: other } = await thread(forum, s.bob.user, { categoryId: s.cat.id, title: 'Bob thread here' });
    await reply(forum, s.alice.user, other.id, 'Alice replies');
    await applySanction(deps(), { actor: s.mod.user, target: s.alice.user, kind: 'ban', reason: 'Spammer', deleteContent: true });
    const left = await forum.deps.db.select().from(posts).where(eq(posts.authorId, s.alice.user.id));
    expect(left.every((p) => p.deletedAt)).toBe(true);
    const [t1] = await forum.deps.db.select().from(threads).where(eq(threads.id, t.id));
    expect(t1!.deletedAt).not.toBeNull();
    const [t2] = await forum.deps.db.select().from(threads).where(eq(threads.id, other.id));
    expect(t2!.replyCount).toBe(0);
    const alice = await freshUser(forum, s.alice.user.id);
    expect(alice.status).toBe('banned');
    expect(alice.postCount).toBe(0);
  });

  it('moderators cannot sanction staff; members cannot sanction anyone', async () => {
    const admin = await forum.member({ role: 'admin', username: 'boss' });
    await expect(applySanction(deps(), { actor: s.mod.user, target: admin.user, kind: 'warning', reason: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(applySanction(deps(), { actor: s.bob.user, target: s.alice.user, kind: 'warning', reason: 'x' })).rejects.toMatchObject({ status: 403 });
    const res = await s.bob.client.post('/review/users/alice/sanction', { kind: 'silence', reason: 'x', duration: '1d' });
    expect(res.status).toBe(403);
  });

  it('the staff form validates and applies a sanction', async () => {
    const bad = await s.mod.client.post('/review/users/alice/sanction', { kind: 'silence', reason: '', duration: '1d' });
    expect(bad.status).toBe(422);
    const ok = await s.mod.client.post('/review/users/alice/sanction', { kind: 'silence', reason: 'Heated', duration: '3d' });
    expect(ok.status).toBe(303);
    const alice = await freshUser(forum, s.alice.user.id);
    expect(alice.silencedUntil!.getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);
  });
});
