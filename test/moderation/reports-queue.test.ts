import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { categories, posts, threads } from '../../core/forum/schema.ts';
import { notifications } from '../../core/notifications/schema.ts';
import { fileReport, registerQueueSource } from '../../core/moderation/index.ts';
import { moderationWords } from '../../core/moderation/schema.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { reply, thread } from '../forum/helpers.ts';
import { freshUser, logActions, setTrust, setup } from './helpers.ts';

let forum: TestForum;
let s: Awaited<ReturnType<typeof setup>>;
const deps = () => ({ db: forum.deps.db, hooks: forum.deps.plugins.hooks });

beforeEach(async () => {
  forum = await createTestForum();
  s = await setup(forum);
});

async function post(id: number) {
  const [row] = await forum.deps.db.select().from(posts).where(eq(posts.id, id));
  return row!;
}

describe('reports', () => {
  it('hide a post once trusted reports reach the threshold; untrusted ones only queue it', async () => {
    const { thread: t } = await thread(forum, s.bob.user, { categoryId: s.cat.id });
    const target = await reply(forum, s.bob.user, t.id, 'You are all idiots');
    const newbie = await forum.member({ username: 'newbie' });
    await fileReport(deps(), { reporter: newbie.user, type: 'post', id: target.id, reason: 'abuse' });
    expect((await post(target.id)).heldAt).toBeNull();
    await setTrust(forum, s.alice.user.id, 1);
    const carol = await forum.member({ username: 'carol' });
    await setTrust(forum, carol.user.id, 3);
    await fileReport(deps(), { reporter: await freshUser(forum, s.alice.user.id), type: 'post', id: target.id, reason: 'abuse', text: 'insult' });
    const last = await fileReport(deps(), { reporter: await freshUser(forum, carol.user.id), type: 'post', id: target.id, reason: 'abuse' });
    expect(last.hidden).toBe(true);
    const held = await post(target.id);
    expect(held.heldAt).not.toBeNull();
    const [th] = await forum.deps.db.select().from(threads).where(eq(threads.id, t.id));
    expect(th!.replyCount).toBe(0);
    // others no longer see it; the author and staff do, marked
    const guestPage = await (await forum.client().get(`/t/${t.id}/${t.slug}`)).text();
    expect(guestPage).not.toContain('You are all idiots');
    const authorPage = await (await s.bob.client.get(`/t/${t.id}/${t.slug}`)).text();
    expect(authorPage).toContain('You are all idiots');
    expect(authorPage).toContain('Pending review');
    expect(await logActions(forum)).toEqual(['post.hide']);
  });

  it('validate input: one open report per member, not one’s own, “other” needs text', async () => {
    const { post: p } = await thread(forum, s.bob.user, { categoryId: s.cat.id });
    await expect(fileReport(deps(), { reporter: s.bob.user, type: 'post', id: p.id, reason: 'spam' })).rejects.toMatchObject({ messageKey: 'moderation.report.own' });
    await expect(fileReport(deps(), { reporter: s.alice.user, type: 'post', id: p.id, reason: 'other' })).rejects.toMatchObject({ fields: { text: 'moderation.report.text.required' } });
    await fileReport(deps(), { reporter: s.alice.user, type: 'post', id: p.id, reason: 'spam' });
    await expect(fileReport(deps(), { reporter: s.alice.user, type: 'post', id: p.id, reason: 'spam' })).rejects.toMatchObject({ messageKey: 'moderation.report.already' });
    const res = await s.alice.client.post(`/report/post/${p.id}`, { reason: 'nonsense' });
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain('<script>');
  });

  it('the queue removes a reported post and tells the reporter; dismissing keeps it', async () => {
    const { thread: t } = await thread(forum, s.bob.user, { categoryId: s.cat.id });
    const bad = await reply(forum, s.bob.user, t.id, 'Buy cheap watches');
    const fine = await reply(forum, s.bob.user, t.id, 'A perfectly fine reply');
    const form = await s.alice.client.get(`/report/post/${bad.id}`);
    expect(form.status).toBe(200);
    expect((await s.alice.client.post(`/report/post/${bad.id}`, { reason: 'spam' })).status).toBe(200);
    await fileReport(deps(), { reporter: s.alice.user, type: 'post', id: fine.id, reason: 'offtopic' });
    const queue = await (await s.mod.client.get('/review')).text();
    expect(queue).toContain('Buy cheap watches');
    expect(queue).toContain('Spam or advertising');
    expect((await s.bob.client.get('/review')).status).toBe(403);

    const removed = await s.mod.client.htmx('POST', `/review/reports/post:${bad.id}/reject`, { note: 'spam' });
    expect(removed.status).toBe(200);
    expect(await removed.text()).toContain('Removed');
    expect((await post(bad.id)).deletedAt).not.toBeNull();
    await s.mod.client.post(`/review/reports/post:${fine.id}/dismiss`);
    expect((await post(fine.id)).deletedAt).toBeNull();
    const notes = await forum.deps.db.select().from(notifications).where(eq(notifications.userId, s.alice.user.id));
    expect(notes.map((n) => n.type).sort()).toEqual(['moderationReportKept', 'moderationReportRemoved']);
    expect(await logActions(forum)).toEqual(['post.remove', 'post.dismiss']);
    expect(await (await s.mod.client.get('/review')).text()).not.toContain('Buy cheap watches');
  });

  it('profiles can be reported too', async () => {
    const res = await s.alice.client.post(`/report/user/${s.bob.user.id}`, { reason: 'other', text: 'impersonates a moderator' });
    expect(res.status).toBe(200);
    const queue = await (await s.mod.client.get('/review?source=reports')).text();
    expect(queue).toContain('impersonates a moderator');
  });
});

describe('held content', () => {
  it('a held reply is invisible to others, not counted, and counted once approved (with notifications then)', async () => {
    await forum.deps.db.insert(moderationWords).values({ pattern: '加微信', action: 'hold' });
    const { thread: t } = await thread(forum, s.alice.user, { categoryId: s.cat.id });
    const held = await reply(forum, s.bob.user, t.id, '详情请加 微 信 abc123');
    expect(held.heldAt).not.toBeNull();
    const [before] = await forum.deps.db.select().from(threads).where(eq(threads.id, t.id));
    expect(before!.replyCount).toBe(0);
    const [cat] = await forum.deps.db.select().from(categories).where(eq(categories.id, s.cat.id));
    expect(cat!.postCount).toBe(1);
    expect(await (await s.alice.client.get(`/t/${t.id}/${t.slug}`)).text()).not.toContain('abc123');
    const aliceNotes = () => forum.deps.db.select().from(notifications).where(eq(notifications.userId, s.alice.user.id));
    expect((await aliceNotes()).filter((n) => n.type === 'reply')).toHaveLength(0);

    const queue = await (await s.mod.client.get('/review?source=held')).text();
    expect(queue).toContain('abc123');
    expect(queue).toContain('Contains a watched word');
    await s.mod.client.post(`/review/held/${held.id}/approve`);
    const [after] = await forum.deps.db.select().from(threads).where(eq(threads.id, t.id));
    expect(after!.replyCount).toBe(1);
    expect(await (await s.alice.client.get(`/t/${t.id}/${t.slug}`)).text()).toContain('abc123');
    expect((await aliceNotes()).filter((n) => n.type === 'reply')).toHaveLength(1);
    expect(await logActions(forum)).toEqual(['post.approve']);
  });

  it('first posts of new members wait in categories that ask for approval; rejecting deletes', async () => {
    await s.mod.client.get('/');
    const admin = await forum.member({ role: 'admin', username: 'root' });
    const saved = await admin.client.post(`/review/settings/category/${s.cat.id}`, { approveNewMemberPosts: 'on' });
    expect(saved.status).toBe(303);
    const { thread: t, post: first } = await thread(forum, s.bob.user, { categoryId: s.cat.id, title: 'Hello I am new here' });
    expect(t.heldAt).not.toBeNull();
    expect((await forum.client().get(`/t/${t.id}/${t.slug}`)).status).toBe(404);
    expect((await s.bob.client.get(`/t/${t.id}/${t.slug}`)).status).toBe(200);
    expect(await (await forum.client().get('/latest')).text()).not.toContain('Hello I am new here');
    await s.mod.client.post(`/review/held/${first.id}/reject`, { note: 'not welcome' });
    expect((await post(first.id)).deletedAt).not.toBeNull();
    expect(await logActions(forum)).toEqual(['settings.update', 'post.reject']);
  });

  it('other domains plug their items into the queue', async () => {
    const acted: number[] = [];
    registerQueueSource({
      id: 'test-registrations',
      labelKey: 'moderation.queue.title',
      count: async () => 1,
      list: async () => [{ id: 7, title: 'newcomer wants in', url: null, body: 'answers', createdAt: new Date(), authorId: null, meta: ['Q: why? A: fun'] }],
      act: async (_db, input) => {
        acted.push(input.itemId);
      },
    });
    const page = await (await s.mod.client.get('/review')).text();
    expect(page).toContain('newcomer wants in');
    expect(page).toContain('Q: why? A: fun');
    await s.mod.client.post('/review/test-registrations/7/approve');
    expect(acted).toEqual([7]);
  });
});
