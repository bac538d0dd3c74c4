import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsCohortWeeks, analyticsDaily, analyticsRetention } from '../../core/analytics/schema.ts';
import { rollupRange } from '../../core/analytics/service/rollup.ts';
import { loadCoreDashboard, type CoreDashboard, type Headline } from '../../core/analytics/service/panels.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { seedHistory, ZONE } from './seed.ts';

const value = (items: Headline[], key: string) => items.find((h) => h.key === key)!;
const TODAY = '2026-11-23';

describe('analytics figures on a known history (see history.md)', () => {
  let forum: TestForum;
  let seeded: Awaited<ReturnType<typeof seedHistory>>;
  let week1: CoreDashboard;
  let week2: CoreDashboard;

  beforeAll(async () => {
    forum = await createTestForum();
    seeded = await seedHistory(forum);
    await rollupRange(forum.deps.database, '2026-02-25', '2026-03-22', ZONE);
    const load = (from: string, to: string, prevFrom: string, prevTo: string, categoryId: number | null = null) =>
      loadCoreDashboard({ database: forum.deps.database, timeZone: ZONE, today: TODAY, current: { from, to }, previous: { from: prevFrom, to: prevTo }, categoryId });
    week1 = await load('2026-03-02', '2026-03-08', '2026-02-23', '2026-03-01');
    week2 = await load('2026-03-09', '2026-03-15', '2026-03-02', '2026-03-08');
  });

  it('counts daily actives in the forum time zone, with posters and likers included', async () => {
    const rows = await forum.deps.db.select().from(analyticsDaily).orderBy(asc(analyticsDaily.day));
    const dau = Object.fromEntries(rows.filter((r) => r.day >= '2026-03-02' && r.day <= '2026-03-16').map((r) => [r.day, r.dau]));
    expect(dau).toEqual({
      '2026-03-02': 2, '2026-03-03': 2, '2026-03-04': 2, '2026-03-05': 1, '2026-03-06': 1, '2026-03-07': 1, '2026-03-08': 0,
      '2026-03-09': 3, '2026-03-10': 4, '2026-03-11': 0, '2026-03-12': 0, '2026-03-13': 0, '2026-03-14': 0, '2026-03-15': 0, '2026-03-16': 1,
    });
    const day = (d: string) => rows.find((r) => r.day === d)!;
    expect(day('2026-03-08').wau).toBe(4);
    expect(day('2026-03-10').wau).toBe(6);
    expect(day('2026-03-10').mau).toBe(6);
  });

  it('puts new members and output on their local day, not the UTC day', async () => {
    const rows = await forum.deps.db.select().from(analyticsDaily);
    const day = (d: string) => rows.find((r) => r.day === d)!;
    expect([day('2026-03-02').newMembers, day('2026-03-03').newMembers, day('2026-03-04').newMembers]).toEqual([1, 1, 1]);
    expect(day('2026-03-04').newInvited).toBe(1);
    expect(day('2026-03-10').membersTotal).toBe(6);
    expect(day('2026-03-05').posts).toBe(1);
    expect(day('2026-03-06').replies).toBe(1);
    expect(day('2026-03-04').posts).toBe(1); // the deleted post is not output
    expect(day('2026-03-10')).toMatchObject({ posts: 5, replies: 5, likes: 1, threads: 0 });
  });

  it('computes growth', () => {
    expect(value(week1.growth.headlines, 'newMembers')).toMatchObject({ value: 3, previous: 0 });
    expect(value(week1.growth.headlines, 'membersTotal').value).toBe(4);
    expect(value(week1.growth.headlines, 'growthRate').value).toBeCloseTo(3 / 1);
    expect(value(week1.growth.headlines, 'invitedShare').value).toBeCloseTo(1 / 3);
    expect(value(week2.growth.headlines, 'growthRate')).toMatchObject({ value: 2 / 4, previous: 3 });
  });

  it('computes activity figures', () => {
    const a = week1.activity.headlines;
    expect(value(a, 'dau').value).toBeCloseTo(9 / 7);
    expect(value(a, 'wau').value).toBe(4);
    expect(value(a, 'postsPerDay').value).toBeCloseTo(4 / 7);
    expect(value(a, 'threadsPerDay').value).toBeCloseTo(2 / 7);
    expect(value(a, 'postsPerActive').value).toBeCloseTo(1);
    expect(value(a, 'interactionRate').value).toBeCloseTo(1.5);
    const b = week2.activity.headlines;
    expect(value(b, 'postsPerActive')).toMatchObject({ value: 1, previous: 1 });
    expect(value(b, 'interactionRate').value).toBeNull(); // no thread started that week
    // DAU/MAU: the mean over the days of dau/mau
    // MAU is 5 on 9 March (u5 not yet active) and 6 from 10 March
    const stickiness = [3 / 5, 4 / 6, 0, 0, 0, 0, 0].reduce((x, y) => x + y) / 7;
    expect(value(b, 'stickiness').value).toBeCloseTo(stickiness);
    expect(week1.activity.heatmap[0]![10]).toBe(1); // Monday 10:30
    expect(week2.activity.heatmap[1]!.slice(8, 13)).toEqual([1, 1, 1, 1, 2]); // Tuesday 08–12, plus the 12:00 like
  });

  it('computes retention, cohorts and churn', () => {
    const r = week1.retention.headlines;
    expect(value(r, 'd1').value).toBeCloseTo(2 / 3);
    expect(value(r, 'd7').value).toBeCloseTo(2 / 3);
    expect(value(r, 'd30').value).toBeNull(); // day 30 after joining has not been rolled up
    expect(value(week2.retention.headlines, 'd1')).toMatchObject({ value: 1 });
    expect(value(week2.retention.headlines, 'd7').value).toBeCloseTo(1 / 2);
    expect(value(week2.retention.headlines, 'churn').value).toBeCloseTo(1 / 4);
    const cohort = week1.retention.cohorts.find((c) => c.week === '2026-03-02')!;
    expect(cohort.size).toBe(3);
    expect(cohort.shares[0]).toBeCloseTo(2 / 3);
    expect(cohort.shares[1]).toBe(0);
    const second = week2.retention.cohorts.find((c) => c.week === '2026-03-09')!;
    expect(second).toMatchObject({ size: 2 });
    expect(second.shares[0]).toBeCloseTo(1 / 2);
  });

  it('computes content per category, featured share and top lists', () => {
    const c = week1.content;
    expect(value(c.headlines, 'featuredShare').value).toBeCloseTo(1 / 2);
    expect(c.categories.rows).toEqual([
      { category: 'News', posts: 3, threads: 1, replies: 2, likes: 1, featured: 1 },
      { category: '=HYPERLINK("http://x")', posts: 1, threads: 1, replies: 0, likes: 0, featured: 0 },
    ]);
    expect(c.topThreads.map((t) => [t.title, t.posts])).toEqual([['Welcome thread', 3], ['Second thread', 1]]);
    expect(c.topContributors.map((u) => [u.username, u.posts])).toEqual([['u2', 2], ['u1', 1], ['u3', 1]]);
    expect(week2.content.topContributors).toEqual([{ id: seeded.u4.id, username: 'u4', posts: 5 }]);
  });

  it('narrows content to one category', async () => {
    const filtered = await loadCoreDashboard({
      database: forum.deps.database, timeZone: ZONE, today: TODAY,
      current: { from: '2026-03-02', to: '2026-03-15' }, previous: { from: '2026-02-16', to: '2026-03-01' }, categoryId: seeded.catB.id,
    });
    expect(value(filtered.content.headlines, 'posts').value).toBe(6);
    expect(value(filtered.content.headlines, 'threads').value).toBe(1);
    expect(filtered.content.topThreads.map((t) => t.title)).toEqual(['Second thread']);
  });

  it('splits active members into segments over the trailing 30 days', async () => {
    const [row] = await forum.deps.db.select().from(analyticsDaily).where(eq(analyticsDaily.day, '2026-03-10'));
    expect(row).toMatchObject({ lurkers: 1, regulars: 3, actives: 1, cores: 1 });
    expect(value(week2.segments.headlines, 'lurkers').value).toBe(1);
    expect(value(week2.segments.headlines, 'regulars').previous).toBe(3); // 8 March: u1, u2, u3
  });

  it('stores D-N retention per join day', async () => {
    const rows = await forum.deps.db.select().from(analyticsRetention).where(eq(analyticsRetention.joinDay, '2026-03-09'));
    // day 30 (8 April) has not been rolled up, so there is no D30 row yet
    expect(rows.map((r) => [r.n, r.cohort, r.retained]).sort()).toEqual([[1, 2, 2], [7, 2, 1]]);
    const weeks = await forum.deps.db.select().from(analyticsCohortWeeks).where(eq(analyticsCohortWeeks.cohortWeek, '2026-03-02'));
    expect(weeks.find((w) => w.weekOffset === 1)).toMatchObject({ cohort: 3, active: 2 });
  });
});
