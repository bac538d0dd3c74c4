import { sql } from 'drizzle-orm';
import { toggleLike } from '../../../core/forum/service/likes.ts';
import { checkIn } from '../service/checkin.ts';
import { flairStats } from '../service/member-info.ts';
import { cachedLevels, forgetCachedLevels } from '../service/levels.ts';
import { grant } from '../service/points.ts';
import { badgesForum, count, heldBadges, points, reply, startThread } from './helpers.ts';

const threadUrl = (t: { id: number; slug: string }) => `/t/${t.id}/${encodeURIComponent(t.slug)}`;

describe('badges pages', () => {
  it('shows each author’s level beside their name on every post, with one batched query for the page', async () => {
    const { forum, api, category } = await badgesForum();
    const { user: author } = await forum.member();
    await grant(api, { userId: author.id, points: 250, reason: 'manual', key: 'seed' });
    const { thread } = await startThread(forum, author, category.id);
    for (let i = 0; i < 6; i++) {
      const { user } = await forum.member();
      await reply(forum, user, thread.id);
    }
    const before = flairStats.batches;
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(flairStats.batches - before).toBe(1);
    expect(html.match(/class="badges-byline"/g)).toHaveLength(7);
    expect(html).toContain('Lv3 Apprentice');
    expect(html.match(/Lv1 Newcomer/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('reads a page’s flair once for every viewer while nothing is written, and again after a write', async () => {
    const { forum, api, category } = await badgesForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { user: author, client } = await forum.member();
    const { thread } = await startThread(forum, author, category.id);
    const reader = await forum.member();
    const before = flairStats.batches;
    await forum.client().get(`${threadUrl(thread)}?page=1`);
    await reader.client.get(threadUrl(thread));
    await client.get(threadUrl(thread));
    expect(flairStats.batches - before).toBe(1);

    await grant(api, { userId: author.id, points: 250, reason: 'manual', key: 'later' });
    expect((await client.post('/plugins/badges/checkin', {})).status).toBeLessThan(400);
    expect(await (await reader.client.get(threadUrl(thread))).text()).toContain('Lv3 Apprentice');
    expect(flairStats.batches - before).toBe(2);
  });

  it('keeps the level table in memory: a cached read is not run again', async () => {
    const { forum } = await badgesForum();
    const first = await cachedLevels(forum.deps.db);
    await forum.deps.database.rows(sql`update badges_levels set name = 'Renamed' where level = 1`);
    expect((await cachedLevels(forum.deps.db)).find((l) => l.level === 1)?.name).toBe(first.find((l) => l.level === 1)?.name);
    forgetCachedLevels(forum.deps.db);
    expect((await cachedLevels(forum.deps.db)).find((l) => l.level === 1)?.name).toBe('Renamed');
  });

  it('shows a chosen badge and a bought title next to the name; only a held badge can be chosen', async () => {
    const { forum, category } = await badgesForum();
    const { user, client } = await forum.member();
    const { thread } = await startThread(forum, user, category.id);
    const [held] = await forum.deps.database.rows<{ id: number }>(sql`select badge_id as id from badges_grants where user_id = ${user.id}`);
    const [notHeld] = await forum.deps.database.rows<{ id: number }>(sql`select id from badges_badges where slug = 'liked-100'`);
    expect((await client.post('/plugins/badges/featured', { badgeId: String(notHeld!.id) })).status).toBe(400);
    expect((await client.post('/plugins/badges/featured', { badgeId: 'x' })).status).toBe(400);
    expect((await client.post('/plugins/badges/featured', { badgeId: String(held!.id) })).status).toBe(303);
    await forum.deps.database.rows(sql`update badges_members set title = 'Night <b>owl</b>' where user_id = ${user.id}`);
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(html).toMatch(/badges-byline.*First post/s);
    expect(html).toContain('Night &lt;b&gt;owl&lt;/b&gt;');
  });

  it('profile: level, points, streak and the badge shelf', async () => {
    const { forum, api, category } = await badgesForum();
    const { user } = await forum.member({ username: 'shelfowner' });
    await startThread(forum, user, category.id);
    await checkIn(api, user.id, new Date(), 'UTC');
    const html = await (await forum.client().get('/u/shelfowner')).text();
    expect(html).toContain('Points &amp; badges');
    expect(html).toContain('First post');
    expect(html).toContain('1 day');
  });

  it('leaderboard: this week, this month and all time, top answerers and streaks', async () => {
    const { forum, api, category } = await badgesForum();
    const { user: old } = await forum.member({ username: 'oldtimer' });
    const { user: fresh } = await forum.member({ username: 'freshface' });
    await grant(api, { userId: old.id, points: 500, reason: 'manual', key: 'old', day: '2020-01-01' });
    await grant(api, { userId: fresh.id, points: 20, reason: 'manual', key: 'fresh' });
    await checkIn(api, fresh.id, new Date(), 'UTC');
    const { thread } = await startThread(forum, old, category.id);
    const answer = await reply(forum, fresh, thread.id);
    await forum.deps.plugins.hooks.action('qa.answerAccepted', { thread, answer, acceptedBy: old, previousAnswerId: null }, { user: old });
    const week = await (await forum.client().get('/plugins/badges/leaderboard')).text();
    const weekBoard = week.slice(week.indexOf('id="badges-board-points"'), week.indexOf('id="badges-board-answerers"'));
    expect(weekBoard).toContain('freshface');
    expect(weekBoard.indexOf('freshface')).toBeLessThan(weekBoard.indexOf('oldtimer'));
    expect(weekBoard).toContain('39 points'); // 20 + check-in 2 + reply 2 + answer 15
    const all = await (await forum.client().get('/plugins/badges/leaderboard?period=all')).text();
    const allBoard = all.slice(all.indexOf('id="badges-board-points"'), all.indexOf('id="badges-board-answerers"'));
    expect(allBoard.indexOf('oldtimer')).toBeLessThan(allBoard.indexOf('freshface'));
    expect(all).toMatch(/badges-board-answerers.*freshface.*1 accepted answer/s);
    expect(all).toMatch(/badges-board-streaks.*freshface.*1 day/s);
  });

  it('badge pages list every badge and its holders', async () => {
    const { forum, category } = await badgesForum();
    const { user } = await forum.member({ username: 'holderone' });
    await startThread(forum, user, category.id);
    const list = await (await forum.client().get('/plugins/badges/badges')).text();
    expect(list).toContain('Crowd favourite');
    const [b] = await forum.deps.database.rows<{ id: number }>(sql`select id from badges_badges where slug = 'first-post'`);
    const page = await (await forum.client().get(`/plugins/badges/badges/${b!.id}`)).text();
    expect(page).toContain('holderone');
    expect((await forum.client().get('/plugins/badges/badges/999999')).status).toBe(404);
    expect((await forum.client().get('/plugins/badges/badges/abc')).status).toBe(404);
  });

  it('my points page lists the ledger; guests are sent to sign in', async () => {
    const { forum, category } = await badgesForum();
    const { user, client } = await forum.member();
    const { user: fan } = await forum.member();
    const { thread } = await startThread(forum, user, category.id);
    const r = await reply(forum, user, thread.id);
    await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan }, r.id);
    await toggleLike({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: fan }, r.id);
    const html = await (await client.get('/plugins/badges/me')).text();
    expect(html).toContain('Started a thread');
    expect(html).toContain('Taken back: Like received');
    expect(html).toContain('more points to Lv2 Beginner');
    expect((await forum.client().get('/plugins/badges/me')).status).toBe(303);
  });

  it('admins grant points and badges by hand, edit levels and add rewards; members cannot', async () => {
    const { forum } = await badgesForum();
    const { user, client: memberClient } = await forum.member({ username: 'luckyone' });
    const { client: admin } = await forum.member({ role: 'admin' });
    expect((await memberClient.get('/admin/plugins/badges/points')).status).not.toBe(200);
    const form = await (await admin.get('/admin/plugins/badges/points')).text();
    const nonce = /name="nonce" value="([^"]+)"/.exec(form)![1]!;
    const fields = { username: '@LuckyOne', points: '60', note: 'Meetup helper', nonce };
    expect((await admin.post('/admin/plugins/badges/points', fields)).headers.get('location')).toContain('notice=done');
    expect((await admin.post('/admin/plugins/badges/points', fields)).headers.get('location')).toContain('notice=repeat');
    expect((await admin.post('/admin/plugins/badges/points', { ...fields, points: '0', nonce: 'another-nonce' })).headers.get('location')).toContain('notice=invalid');
    expect((await points(forum, user.id)).balance).toBe(60);
    expect((await points(forum, user.id)).level).toBe(2);

    await admin.post('/admin/plugins/badges/badges', { op: 'create', name: 'Helper of the month', description: 'Chosen by staff', tier: 'gold' });
    const [custom] = await forum.deps.database.rows<{ id: number }>(sql`select id from badges_badges where name = 'Helper of the month'`);
    expect((await admin.post('/admin/plugins/badges/badges', { op: 'grant', badgeId: String(custom!.id), username: 'luckyone', note: '' })).headers.get('location')).toContain('granted');
    expect((await admin.post('/admin/plugins/badges/badges', { op: 'grant', badgeId: String(custom!.id), username: 'luckyone', note: '' })).headers.get('location')).toContain('already');
    expect(await heldBadges(forum, user.id)).toContain('custom-helper-of-the-month');

    expect((await admin.post('/admin/plugins/badges/levels', { op: 'save', level: '2', name: '见习', minPoints: '100', badgeId: '' })).headers.get('location')).toContain('saved');
    expect((await points(forum, user.id)).level).toBe(1);
    expect((await admin.post('/admin/plugins/badges/levels', { op: 'save', level: '1', name: '', minPoints: '5', badgeId: '' })).headers.get('location')).toContain('first');
    expect((await admin.post('/admin/plugins/badges/levels', { op: 'save', level: '12', name: 'x', minPoints: '200', badgeId: '' })).headers.get('location')).toContain('clash');

    expect((await admin.post('/admin/plugins/badges/rewards', { op: 'create', kind: 'title', name: 'A title', cost: '10', title: '' })).headers.get('location')).toContain('invalid');
    expect((await admin.post('/admin/plugins/badges/rewards', { op: 'create', kind: 'gift', name: 'Sticker pack', cost: '10', stock: '3' })).headers.get('location')).toContain('created');
    expect(await count(forum, sql`select count(*)::int as n from badges_rewards where stock = 3`)).toBe(1);
    expect(await (await memberClient.get('/plugins/badges/rewards')).text()).toContain('Sticker pack');
  });

  it('speaks Chinese', async () => {
    const { forum, category } = await badgesForum();
    const { user, client } = await forum.member({ locale: 'zh-CN' });
    const { thread } = await startThread(forum, user, category.id);
    const home = await (await client.get('/')).text();
    expect(home).toContain('每日签到');
    const done = await (await client.htmx('POST', '/plugins/badges/checkin')).text();
    expect(done).toContain('签到成功：+2 积分。');
    expect(done).toContain('Lv1 新手');
    expect(await (await client.get(threadUrl(thread))).text()).toContain('Lv1 新手');
    expect(await (await client.get('/plugins/badges/leaderboard')).text()).toContain('荣誉榜');
    expect(await (await client.get('/plugins/badges/rewards')).text()).toContain('暂无可兑换的奖品');
  });
});
