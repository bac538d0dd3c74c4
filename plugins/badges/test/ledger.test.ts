import { sql } from 'drizzle-orm';
import { deletePost, restorePost } from '../../../core/forum/service/delete-post.ts';
import { toggleLike } from '../../../core/forum/service/likes.ts';
import { saveRuleConfig } from '../../../core/moderation/index.ts';
import { record } from '../service/ledger.ts';
import { grant } from '../service/points.ts';
import { badgesForum, count, points, reply, startThread } from './helpers.ts';

describe('points ledger', () => {
  it('grants per the rules, keeps totals equal to the ledger, and a retried hook grants once', async () => {
    const { forum, category } = await badgesForum();
    const { user: author } = await forum.member();
    const { user: other } = await forum.member();
    const { thread, post } = await startThread(forum, author, category.id);
    await reply(forum, other, thread.id);
    await reply(forum, author, thread.id);
    let p = await points(forum, author.id);
    expect(p.balance).toBe(5 + 2);
    expect(p.balance).toBe(p.ledger.balance);
    expect(p.lifetime).toBe(p.ledger.lifetime);
    // the same hook again (a retried job) records nothing
    await forum.deps.plugins.hooks.action('thread.created', { thread, post, category }, { user: author, categoryId: category.id });
    p = await points(forum, author.id);
    expect(p.balance).toBe(7);
    expect((await points(forum, other.id)).balance).toBe(2);
  });

  it('cuts grants at the daily cap per action', async () => {
    const { forum, category } = await badgesForum({ settings: { pointsReply: 3, capReply: 10 } });
    const { user: author } = await forum.member();
    const { user: replier } = await forum.member();
    const { thread } = await startThread(forum, author, category.id);
    for (let i = 0; i < 5; i++) await reply(forum, replier, thread.id);
    const p = await points(forum, replier.id);
    // 3 + 3 + 3 + 1 (what is left of the cap) + nothing
    expect(p.balance).toBe(10);
    expect(await count(forum, sql`select count(*)::int as n from badges_ledger where user_id = ${replier.id}`)).toBe(4);
  });

  it('excludes self-likes and counts the same liker at most N times a day', async () => {
    const { forum, api, category } = await badgesForum({ settings: { likeSamePairPerDay: 2 } });
    const { user: author } = await forum.member();
    const { user: fan } = await forum.member();
    const { thread, post } = await startThread(forum, author, category.id);
    const replies = [await reply(forum, author, thread.id), await reply(forum, author, thread.id), await reply(forum, author, thread.id)];
    const before = (await points(forum, author.id)).balance;
    // self-like, fired directly (core refuses it, the rule holds even if a hook arrives)
    await forum.deps.plugins.hooks.action('post.liked', { post, thread, likedBy: author }, { user: author });
    expect((await points(forum, author.id)).balance).toBe(before);
    for (const r of [post, ...replies]) await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan }, r.id);
    const after = await points(forum, author.id);
    expect(after.balance - before).toBe(2);
    expect(after.balance).toBe(after.ledger.balance);
    // another member's likes still count
    const { user: friend } = await forum.member();
    await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: friend }, post.id);
    expect((await points(forum, author.id)).balance - before).toBe(3);
    expect(api.id).toBe('badges');
  });

  it('takes a like back on unlike, and liking again earns nothing (no like/unlike farming)', async () => {
    const { forum, category } = await badgesForum();
    const { user: author } = await forum.member();
    const { user: fan } = await forum.member();
    const { thread } = await startThread(forum, author, category.id);
    const r = await reply(forum, author, thread.id);
    const ctx = { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan };
    const base = (await points(forum, author.id)).balance;
    await toggleLike(ctx, r.id);
    expect((await points(forum, author.id)).balance).toBe(base + 1);
    await toggleLike(ctx, r.id);
    expect((await points(forum, author.id)).balance).toBe(base);
    await toggleLike(ctx, r.id);
    const p = await points(forum, author.id);
    expect(p.balance).toBe(base);
    expect(p.balance).toBe(p.ledger.balance);
    expect(await count(forum, sql`select count(*)::int as n from badges_ledger where reason = 'like' and reverses_id is not null`)).toBe(1);
  });

  it('reverses what a post earned when staff delete it, not when its author does', async () => {
    const { forum, category } = await badgesForum();
    const { user: author } = await forum.member();
    const { user: fan } = await forum.member();
    const { user: mod } = await forum.member({ role: 'moderator' });
    const { thread } = await startThread(forum, author, category.id);
    const spam = await reply(forum, author, thread.id);
    const own = await reply(forum, author, thread.id);
    await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan }, spam.id);
    const before = await points(forum, author.id);
    expect(before.balance).toBe(5 + 2 + 2 + 1);
    await deletePost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: author }, own.id);
    expect((await points(forum, author.id)).balance).toBe(before.balance);
    await deletePost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: mod }, spam.id);
    const after = await points(forum, author.id);
    expect(after.balance).toBe(before.balance - 3);
    expect(after.lifetime).toBe(after.ledger.lifetime);
    // a repeated hook reverses nothing twice
    const [spamPost] = await forum.deps.database.rows<Record<string, unknown>>(sql`select * from posts where id = ${spam.id}`);
    expect(spamPost).toBeDefined();
    await forum.deps.plugins.hooks.action('post.deleted', { post: { ...spam, deletedAt: new Date() }, thread, byStaff: true }, { user: mod });
    expect((await points(forum, author.id)).balance).toBe(before.balance - 3);
    const [row] = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from badges_ledger where reverses_id is not null`);
    expect(row!.n).toBe(2);
  });

  it('gives the points back when staff restore the post, and takes them again on a second delete', async () => {
    const { forum, category } = await badgesForum();
    const { user: author } = await forum.member();
    const { user: fan } = await forum.member();
    const { user: mod } = await forum.member({ role: 'moderator' });
    const { thread } = await startThread(forum, author, category.id);
    const r = await reply(forum, author, thread.id);
    await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan }, r.id);
    const ctx = { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: mod };
    await deletePost(ctx, r.id);
    expect((await points(forum, author.id)).balance).toBe(5);
    await restorePost(ctx, r.id);
    await forum.deps.plugins.hooks.action('post.restored', { post: r, thread }, { user: mod }); // a retried hook
    expect((await points(forum, author.id)).balance).toBe(8);
    await deletePost(ctx, r.id);
    const p = await points(forum, author.id);
    expect(p.balance).toBe(5);
    expect(p.balance).toBe(p.ledger.balance);
  });

  it('content held for review earns nothing until it is approved', async () => {
    const { forum, category } = await badgesForum();
    await saveRuleConfig(forum.deps.db, null, { floodMaxPerMinute: 0, floodMaxPerHour: 0, floodMinSeconds: 0, duplicateWindowMinutes: 0, approveNewMemberPosts: true });
    const { user: newbie } = await forum.member();
    const { user: regular } = await forum.member({ role: 'moderator' });
    const { thread, post } = await startThread(forum, newbie, category.id);
    expect(post.heldAt).not.toBeNull();
    const { thread: open } = await startThread(forum, regular, category.id, 'An open thread for replies');
    await reply(forum, newbie, open.id);
    expect((await points(forum, newbie.id)).balance).toBe(0);
    expect(thread.id).toBeGreaterThan(0);
  });

  it('does not reverse when the admin turned it off', async () => {
    const { forum, category } = await badgesForum({ settings: { reverseOnStaffDelete: false } });
    const { user: author } = await forum.member();
    const { user: mod } = await forum.member({ role: 'moderator' });
    const { thread } = await startThread(forum, author, category.id);
    const r = await reply(forum, author, thread.id);
    await deletePost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: mod }, r.id);
    expect((await points(forum, author.id)).balance).toBe(7);
  });

  it('manual grants need a unique key, and totals stay consistent under concurrent grants', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => grant(api, { userId: user.id, points: 3, reason: 'manual', key: `manual:test-${i % 10}`, note: 'thanks' })),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    const p = await points(forum, user.id);
    expect(p.balance).toBe(30);
    expect(p.ledger.balance).toBe(30);
  });

  it('record() refuses zero and non-integer amounts, and spending does not lower lifetime points', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    await api.db.transaction(async (tx) => {
      expect(await record(tx, { userId: user.id, points: 0, reason: 'manual', key: 'z', day: '2026-01-01' })).toBeNull();
      expect(await record(tx, { userId: user.id, points: 1.5, reason: 'manual', key: 'f', day: '2026-01-01' })).toBeNull();
      await record(tx, { userId: user.id, points: 100, reason: 'manual', key: 'a', day: '2026-01-01' });
      const spent = await record(tx, { userId: user.id, points: -40, reason: 'redemption', key: 'b', day: '2026-01-01', coveredOnly: true });
      expect(spent!.totals).toMatchObject({ balance: 60, lifetime: 100 });
      expect(await record(tx, { userId: user.id, points: -61, reason: 'redemption', key: 'c', day: '2026-01-01', coveredOnly: true })).toBeNull();
    });
  });
});
