import { sql } from 'drizzle-orm';
import { checkIn, currentStreak } from '../service/checkin.ts';
import { addDays, localDay, weekStart } from '../service/days.ts';
import { badgesForum, count, heldBadges, points } from './helpers.ts';

const at = (iso: string) => new Date(iso);

describe('daily check-in', () => {
  it('is one per calendar day in the forum time zone, across the zone’s midnight', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    const zone = 'Asia/Shanghai'; // UTC+8: 16:00 UTC is midnight
    expect((await checkIn(api, user.id, at('2026-03-01T15:59:00Z'), zone)).status).toBe('checked-in');
    // 23:59 and 00:00 Shanghai are different days…
    const next = await checkIn(api, user.id, at('2026-03-01T16:00:00Z'), zone);
    expect(next).toMatchObject({ status: 'checked-in', day: '2026-03-02', streak: 2 });
    // …but the rest of that Shanghai day (still 1 March in UTC) is the same day
    expect((await checkIn(api, user.id, at('2026-03-02T15:00:00Z'), zone)).status).toBe('already');
    expect(await count(forum, sql`select count(*)::int as n from badges_checkins where user_id = ${user.id}`)).toBe(2);
    const p = await points(forum, user.id);
    expect(p.balance).toBe(4);
    expect(p.streak).toBe(2);
  });

  it('the same instant is a different day in different zones', async () => {
    const instant = at('2026-06-30T23:30:00Z');
    expect(localDay(instant, 'UTC')).toBe('2026-06-30');
    expect(localDay(instant, 'Asia/Tokyo')).toBe('2026-07-01');
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-06-30');
    expect(localDay(instant, 'Not/AZone')).toBe('2026-06-30');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week starting Monday
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts streaks, breaks them after a missed day, and keeps the longest', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    const day = (d: number) => at(`2026-01-${String(d).padStart(2, '0')}T12:00:00Z`);
    for (const d of [1, 2, 3, 4]) await checkIn(api, user.id, day(d), 'UTC');
    expect((await points(forum, user.id)).streak).toBe(4);
    await checkIn(api, user.id, day(6), 'UTC');
    const p = await points(forum, user.id);
    expect(p.streak).toBe(1);
    expect(p.longest).toBe(4);
    expect(currentStreak({ streak: 1, lastCheckinDay: '2026-01-06' }, '2026-01-07')).toBe(1);
    expect(currentStreak({ streak: 5, lastCheckinDay: '2026-01-06' }, '2026-01-08')).toBe(0);
  });

  it('pays milestone bonuses once and grants the streak badges', async () => {
    const { forum, api } = await badgesForum({ settings: { pointsCheckin: 1, streakMilestones: '3:10, 7:50' } });
    const { user } = await forum.member();
    const results = [];
    for (let d = 1; d <= 7; d++) results.push(await checkIn(api, user.id, at(`2026-05-0${d}T08:00:00Z`), 'Europe/Berlin'));
    expect(results.map((r) => (r.status === 'checked-in' ? r.bonus : -1))).toEqual([0, 0, 10, 0, 0, 0, 50]);
    expect((await points(forum, user.id)).balance).toBe(7 + 10 + 50);
    expect(await heldBadges(forum, user.id)).toEqual(['streak-7']);
    const [bonus] = await forum.deps.database.rows<{ note: string }>(sql`select note from badges_ledger where reason = 'streak' order by id limit 1`);
    expect(bonus!.note).toBe('3');
  });

  it('a double click (concurrent requests) checks in once', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    const now = at('2026-02-10T10:00:00Z');
    const results = await Promise.all(Array.from({ length: 10 }, () => checkIn(api, user.id, now, 'UTC')));
    expect(results.filter((r) => r.status === 'checked-in')).toHaveLength(1);
    expect((await points(forum, user.id)).balance).toBe(2);
  });

  it('a zone change that moves "today" backwards does not allow a second check-in', async () => {
    const { forum, api } = await badgesForum();
    const { user } = await forum.member();
    await checkIn(api, user.id, at('2026-04-10T23:00:00Z'), 'Asia/Tokyo'); // 11 April in Tokyo
    expect((await checkIn(api, user.id, at('2026-04-10T23:30:00Z'), 'America/New_York')).status).toBe('already'); // still 10 April there
  });

  it('the sidebar button checks in over htmx and shows points, streak and level', async () => {
    const { forum } = await badgesForum({ timeZone: 'Asia/Shanghai' });
    const { client } = await forum.member();
    const home = await (await client.get('/')).text();
    expect(home).toContain('id="badges-checkin"');
    expect(home).toContain('hx-post="/plugins/badges/checkin"');
    const res = await client.htmx('POST', '/plugins/badges/checkin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Checked in: +2 points.');
    expect(html).toContain('1 day');
    expect(html).toContain('Lv1 Newcomer');
    expect(html).not.toContain('<html');
    const again = await (await client.htmx('POST', '/plugins/badges/checkin')).text();
    expect(again).toContain('You have checked in today');
    // without JavaScript: a redirect to the points page
    const plain = await client.post('/plugins/badges/checkin');
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/plugins/badges/me?checkin=already');
  });

  it('guests cannot check in', async () => {
    const { forum } = await badgesForum();
    const guest = forum.client();
    expect((await guest.htmx('POST', '/plugins/badges/checkin')).status).toBe(403);
    expect(await (await guest.get('/')).text()).toContain('/plugins/badges/leaderboard');
  });
});
