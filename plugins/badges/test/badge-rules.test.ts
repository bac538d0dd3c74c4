import { sql } from 'drizzle-orm';
import { toggleLike } from '../../../core/forum/service/likes.ts';
import { grantAnniversaries } from '../service/anniversary.ts';
import { checkBadgeRules } from '../service/award.ts';
import { grant } from '../service/points.ts';
import { badgesForum, count, heldBadges, reply, startThread } from './helpers.ts';

describe('badges granted by rules', () => {
  it('first post is granted once, however many posts and racing checks follow', async () => {
    const { forum, api, category } = await badgesForum();
    const { user } = await forum.member();
    const { thread } = await startThread(forum, user, category.id);
    await reply(forum, user, thread.id);
    await Promise.all(Array.from({ length: 10 }, () => checkBadgeRules(api, user.id, ['post'])));
    expect(await heldBadges(forum, user.id)).toEqual(['first-post']);
    expect(await count(forum, sql`select count(*)::int as n from notifications where user_id = ${user.id} and type = 'badges.badgeGranted'`)).toBe(1);
  });

  it('10 likes received brings "Nice post"; 9 do not', async () => {
    const { forum, category } = await badgesForum();
    const { user: author } = await forum.member();
    const { thread, post } = await startThread(forum, author, category.id);
    for (let i = 0; i < 10; i++) {
      const { user: fan } = await forum.member();
      await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan }, post.id);
      if (i === 8) expect(await heldBadges(forum, author.id)).toEqual(['first-post']);
    }
    expect(await heldBadges(forum, author.id)).toEqual(['first-post', 'liked-10']);
    expect(thread.id).toBeGreaterThan(0);
  });

  it('the one-year badge goes to members who joined a year ago, once, by the daily job', async () => {
    const { forum, api } = await badgesForum();
    const { user: veteran } = await forum.member();
    const { user: newbie } = await forum.member();
    await forum.deps.database.rows(sql`update users set created_at = now() - interval '366 days' where id = ${veteran.id}`);
    expect(await grantAnniversaries(api)).toBe(1);
    expect(await grantAnniversaries(api)).toBe(0);
    expect(await heldBadges(forum, veteran.id)).toEqual(['anniversary']);
    expect(await heldBadges(forum, newbie.id)).toEqual([]);
  });

  it('a grant and its notification are one transaction: a job that fails between them leaves neither, and its retry does both once', async () => {
    const { forum, api } = await badgesForum();
    const { user: veteran } = await forum.member();
    await forum.deps.database.rows(sql`update users set created_at = now() - interval '366 days' where id = ${veteran.id}`);
    const dyingBeforeNotifying = { ...api, notify: async () => Promise.reject(new Error('worker killed')) };
    await expect(grantAnniversaries(dyingBeforeNotifying)).rejects.toThrow('worker killed');
    expect(await heldBadges(forum, veteran.id)).toEqual([]);
    expect(await grantAnniversaries(api)).toBe(1);
    expect(await grantAnniversaries(api)).toBe(0);
    expect(await heldBadges(forum, veteran.id)).toEqual(['anniversary']);
    expect(await count(forum, sql`select count(*)::int as n from notifications where user_id = ${veteran.id} and type = 'badges.badgeGranted'`)).toBe(1);
  });

  it('a disabled badge is not granted', async () => {
    const { forum, api, category } = await badgesForum();
    await forum.deps.database.rows(sql`update badges_badges set enabled = false where slug = 'first-post'`);
    const { user } = await forum.member();
    await startThread(forum, user, category.id);
    await checkBadgeRules(api, user.id, ['post']);
    expect(await heldBadges(forum, user.id)).toEqual([]);
  });

  it('reaching a level notifies the member once and grants the level’s badge', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    const [badge] = await forum.deps.database.rows<{ id: number }>(sql`insert into badges_badges (slug, name, tier) values ('custom-lv3', 'Lv3 club', 'silver') returning id`);
    await forum.deps.database.rows(sql`update badges_levels set badge_id = ${badge!.id} where level = 3`);
    await grant(api, { userId: user.id, points: 49, reason: 'manual', key: 'a' });
    expect(await count(forum, sql`select count(*)::int as n from notifications where type = 'badges.levelUp'`)).toBe(0);
    await grant(api, { userId: user.id, points: 200, reason: 'manual', key: 'b' });
    const [m] = await forum.deps.database.rows<{ level: number }>(sql`select level from badges_members where user_id = ${user.id}`);
    expect(m!.level).toBe(3);
    expect(await count(forum, sql`select count(*)::int as n from notifications where type = 'badges.levelUp'`)).toBe(1);
    expect(await heldBadges(forum, user.id)).toEqual(['custom-lv3']);
    // dropping below and climbing back does not notify twice
    await grant(api, { userId: user.id, points: -100, reason: 'manual', key: 'c' });
    await grant(api, { userId: user.id, points: 100, reason: 'manual', key: 'd' });
    expect(await count(forum, sql`select count(*)::int as n from notifications where type = 'badges.levelUp'`)).toBe(1);
  });
});
