import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { posts, threads } from '../../core/forum/schema.ts';
import { listModerationLog, mergeThreads, moveThread, publishRules, saveRuleConfig, splitThread } from '../../core/moderation/index.ts';
import { moderationWords } from '../../core/moderation/schema.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, reply, thread } from '../forum/helpers.ts';
import { logActions, setup } from './helpers.ts';

let forum: TestForum;
let s: Awaited<ReturnType<typeof setup>>;
const deps = () => ({ db: forum.deps.db, hooks: forum.deps.plugins.hooks });

beforeEach(async () => {
  forum = await createTestForum();
  s = await setup(forum);
});

describe('automatic rules', () => {
  it('flood control: minimum interval, per-minute limit and near-duplicates, per category', async () => {
    const { thread: t } = await thread(forum, s.mod.user, { categoryId: s.cat.id });
    await saveRuleConfig(forum.deps.db, null, { floodMinSeconds: 30 });
    await reply(forum, s.alice.user, t.id, 'first reply');
    await expect(reply(forum, s.alice.user, t.id, 'second reply')).rejects.toMatchObject({ messageKey: 'moderation.flood.tooSoon' });
    // another category may relax it
    const relaxed = await category(forum, { name: 'Chat' });
    await saveRuleConfig(forum.deps.db, relaxed.id, { floodMinSeconds: 0, floodMaxPerMinute: 2, duplicateWindowMinutes: 60 });
    const { thread: chat } = await thread(forum, s.mod.user, { categoryId: relaxed.id });
    await reply(forum, s.bob.user, chat.id, '今天天气真好，我们去公园散步吧');
    await expect(reply(forum, s.bob.user, chat.id, '今天天气真好，我们去公园散步吧！！')).rejects.toMatchObject({ messageKey: 'moderation.flood.duplicate' });
    await reply(forum, s.bob.user, chat.id, 'something else entirely');
    await expect(reply(forum, s.bob.user, chat.id, 'and a third one')).rejects.toMatchObject({ messageKey: 'moderation.flood.perMinute' });
    // the hold action keeps the post for review instead
    await saveRuleConfig(forum.deps.db, relaxed.id, { floodMinSeconds: 0, floodMaxPerMinute: 2, floodAction: 'hold' });
    const held = await reply(forum, s.bob.user, chat.id, 'and a third one');
    expect(held.heldReason).toBe('moderation.hold.flood.perMinute');
  });

  it('links: blocked domains for everyone, a limit and an allow-list for new members, link-only posts held', async () => {
    const { thread: t } = await thread(forum, s.mod.user, { categoryId: s.cat.id });
    await saveRuleConfig(forum.deps.db, null, { blockedDomains: ['spam.example'], newMemberMaxLinks: 1, holdLinkOnly: true });
    await expect(reply(forum, s.alice.user, t.id, 'see https://www.spam.example/deal')).rejects.toMatchObject({
      messageKey: 'moderation.links.blocked',
      params: { domain: 'www.spam.example' },
    });
    await expect(reply(forum, s.alice.user, t.id, 'two links https://a.example and https://b.example here')).rejects.toMatchObject({
      messageKey: 'moderation.links.tooMany',
    });
    const linkOnly = await reply(forum, s.alice.user, t.id, 'https://shop.example/item');
    expect(linkOnly.heldReason).toBe('moderation.hold.linkOnly');
    const ok = await reply(forum, s.alice.user, t.id, 'The docs at https://docs.example explain this well.');
    expect(ok.heldAt).toBeNull();
  });

  it('words: block names the rule, replace censors, and evasions do not help', async () => {
    const { thread: t } = await thread(forum, s.mod.user, { categoryId: s.cat.id });
    const [blocked] = await forum.deps.db.insert(moderationWords).values({ pattern: '代开发票', action: 'block' }).returning();
    await forum.deps.db.insert(moderationWords).values({ pattern: 'idiot', action: 'replace' });
    await expect(reply(forum, s.alice.user, t.id, '长期 代\u200B开 发．票')).rejects.toMatchObject({
      messageKey: 'moderation.words.blocked',
      params: { word: '代开发票', rule: blocked!.id },
    });
    const censored = await reply(forum, s.alice.user, t.id, 'what an ＩＤＩＯＴ move');
    expect(censored.raw).toBe('what an *** move');
    const res = await s.alice.client.post(`/t/${t.id}/reply`, { raw: '代 开 发 票 便宜' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('代开发票');
    // staff are not filtered
    expect((await reply(forum, s.mod.user, t.id, 'quoting: 代开发票 is banned')).id).toBeGreaterThan(0);
  });

  it('words: a title changed later is checked like a new one, through the edit form or the title editor', async () => {
    const { editPost } = await import('../../core/forum/service/edit-post.ts');
    const { editThreadTitle } = await import('../../core/forum/service/edit-title.ts');
    const { thread: t, post: first } = await thread(forum, s.alice.user, { categoryId: s.cat.id, title: 'Selling my old bike' });
    await forum.deps.db.insert(moderationWords).values([
      { pattern: '代开发票', action: 'block' },
      { pattern: 'idiot', action: 'replace' },
    ]);
    const ctx = { ...deps(), user: s.alice.user };
    await expect(editPost(ctx, first.id, { raw: first.raw, title: 'Bike, also 代 开 发 票' })).rejects.toMatchObject({
      messageKey: 'moderation.words.blocked',
    });
    await expect(editThreadTitle(ctx, t.id, { title: '代开发票 here' })).rejects.toMatchObject({ messageKey: 'moderation.words.blocked' });
    const { thread: renamed } = await editThreadTitle(ctx, t.id, { title: 'Bike for an ＩＤＩＯＴ price' });
    expect(renamed.title).toBe('Bike for an *** price');
    // the in-place form shows the reason instead of an error page
    const res = await s.alice.client.post(`/t/${t.id}/edit/title`, { title: '代开发票 cheap' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('代开发票');
    const [stored] = await forum.deps.db.select().from(threads).where(eq(threads.id, t.id));
    expect(stored!.title).toBe('Bike for an *** price');
  });

  it('rules: members accept a changed version before they post again', async () => {
    const admin = await forum.member({ role: 'admin', username: 'root' });
    const { thread: t } = await thread(forum, s.mod.user, { categoryId: s.cat.id });
    expect((await admin.client.post('/rules/edit', { raw: '' })).status).toBe(422);
    await publishRules(forum.deps.db, { actor: admin.user, raw: '# Be kind\n\nNo ads.', requireAcceptance: 'on' });
    const page = await (await s.alice.client.get('/rules')).text();
    expect(page).toMatch(/<h[1-6][^>]*>Be kind<\/h[1-6]>/);
    expect(page).toContain('/rules/accept');
    expect(await (await s.alice.client.get('/latest')).text()).toContain('rules-notice');
    await expect(reply(forum, s.alice.user, t.id, 'hello')).rejects.toMatchObject({ messageKey: 'moderation.rules.mustAccept' });
    expect((await s.alice.client.post('/rules/accept')).status).toBe(303);
    expect((await reply(forum, s.alice.user, t.id, 'hello')).id).toBeGreaterThan(0);
    expect(await (await forum.client().get('/latest')).text()).toContain('href="/rules"');
    expect((await s.alice.client.get('/rules/edit')).status).toBe(403);
  });
});

describe('thread tools', () => {
  it('move keeps counters right and emits thread.moved', async () => {
    const moved: number[] = [];
    forum.deps.plugins.hooks.addAction('thread.moved', ({ to }) => void moved.push(to.id), { owner: 'test' });
    const other = await category(forum, { name: 'Other' });
    const { thread: t } = await thread(forum, s.alice.user, { categoryId: s.cat.id });
    await reply(forum, s.bob.user, t.id);
    await moveThread(deps(), { actor: s.mod.user, threadId: t.id, categoryId: other.id, reason: 'wrong place' });
    expect(moved).toEqual([other.id]);
    const res = await s.mod.client.post(`/t/${t.id}/move`, { categoryId: String(s.cat.id) });
    expect(res.status).toBe(303);
    expect((await s.alice.client.post(`/t/${t.id}/move`, { categoryId: String(other.id) })).status).toBe(403);
  });

  it('merge appends and renumbers; split moves chosen replies into a new thread', async () => {
    const { thread: a } = await thread(forum, s.alice.user, { categoryId: s.cat.id, title: 'Thread A here' });
    await reply(forum, s.bob.user, a.id, 'a2');
    const { thread: b } = await thread(forum, s.bob.user, { categoryId: s.cat.id, title: 'Thread B here' });
    await reply(forum, s.alice.user, b.id, 'b2');
    await mergeThreads(deps(), { actor: s.mod.user, sourceId: a.id, targetId: b.id });
    const merged = await forum.deps.db.select().from(posts).where(eq(posts.threadId, b.id)).orderBy(posts.number);
    expect(merged.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    const [bRow] = await forum.deps.db.select().from(threads).where(eq(threads.id, b.id));
    expect(bRow!.replyCount).toBe(3);
    expect(bRow!.lastPostNumber).toBe(4);

    const chosen = merged.slice(2).map((p) => p.id);
    const split = await splitThread(deps(), { actor: s.mod.user, threadId: b.id, postIds: chosen, title: 'Split off thread' });
    const moved = await forum.deps.db.select().from(posts).where(eq(posts.threadId, split.id)).orderBy(posts.number);
    expect(moved.map((p) => p.number)).toEqual([1, 2]);
    expect(split.replyCount).toBe(1);
    const [bAfter] = await forum.deps.db.select().from(threads).where(eq(threads.id, b.id));
    expect(bAfter!.replyCount).toBe(1);
    expect(await logActions(forum)).toEqual(['thread.merge', 'thread.split']);
  });

  it('the log filters by action, member and text', async () => {
    const other = await category(forum, { name: 'Elsewhere' });
    const { thread: t } = await thread(forum, s.alice.user, { categoryId: s.cat.id });
    await moveThread(deps(), { actor: s.mod.user, threadId: t.id, categoryId: other.id, reason: 'belongs elsewhere' });
    const { rows } = await listModerationLog(forum.deps.db, { action: 'thread.', q: 'elsewhere' });
    expect(rows).toHaveLength(1);
    const page = await (await s.mod.client.get('/review/log?member=alice&q=belongs')).text();
    expect(page).toContain('thread.move');
    const none = await (await s.mod.client.get('/review/log?member=nobodyhere')).text();
    expect(none).not.toContain('thread.move');
  });
});
