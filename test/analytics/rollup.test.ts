import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNightlyRollup } from '../../core/analytics/jobs.ts';
import { analyticsCohortWeeks, analyticsDaily, analyticsDailyCategories, analyticsDailyHours, analyticsRetention } from '../../core/analytics/schema.ts';
import { rollupDay, rollupRange } from '../../core/analytics/service/rollup.ts';
import { posts } from '../../core/db/schema.ts';
import { addDays, dayOf } from '../../core/analytics/time.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { local, seedHistory, ZONE } from './seed.ts';

async function snapshot(forum: TestForum) {
  const db = forum.deps.db;
  const strip = <T extends { computedAt?: Date }>(rows: T[]) => rows.map(({ computedAt: _c, ...r }) => r);
  return {
    daily: strip(await db.select().from(analyticsDaily).orderBy(asc(analyticsDaily.day))),
    categories: await db.select().from(analyticsDailyCategories).orderBy(asc(analyticsDailyCategories.day), asc(analyticsDailyCategories.categoryId)),
    hours: await db.select().from(analyticsDailyHours).orderBy(asc(analyticsDailyHours.day), asc(analyticsDailyHours.hour)),
    retention: await db.select().from(analyticsRetention).orderBy(asc(analyticsRetention.joinDay), asc(analyticsRetention.n)),
    cohorts: await db.select().from(analyticsCohortWeeks).orderBy(asc(analyticsCohortWeeks.cohortWeek), asc(analyticsCohortWeeks.weekOffset)),
  };
}

describe('analytics roll-ups', () => {
  let forum: TestForum;
  let seeded: Awaited<ReturnType<typeof seedHistory>>;

  beforeAll(async () => {
    forum = await createTestForum();
    seeded = await seedHistory(forum);
  });

  it('are idempotent: rolling up again, in any order, changes nothing', async () => {
    await rollupRange(forum.deps.database, '2026-03-01', '2026-03-20', ZONE);
    const first = await snapshot(forum);
    expect(first.daily).toHaveLength(20);
    await rollupRange(forum.deps.database, '2026-03-01', '2026-03-20', ZONE);
    // a single day recomputed out of order (a back-fill of the middle of the range)
    await rollupDay(forum.deps.database, '2026-03-04', ZONE);
    expect(await snapshot(forum)).toEqual(first);
  });

  it('replace a day when it is recomputed after a change', async () => {
    await forum.deps.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.createdAt, local('2026-03-06', '00:30')));
    await rollupDay(forum.deps.database, '2026-03-06', ZONE);
    const [day] = await forum.deps.db.select().from(analyticsDaily).where(eq(analyticsDaily.day, '2026-03-06'));
    expect(day).toMatchObject({ posts: 0, replies: 0, dau: 1 });
    const categories = await forum.deps.db.select().from(analyticsDailyCategories).where(eq(analyticsDailyCategories.day, '2026-03-06'));
    expect(categories).toEqual([]);
  });

  it('the nightly job recomputes yesterday and fills days that were missed', async () => {
    await forum.deps.db.delete(analyticsDaily).where(sql`${analyticsDaily.day} in ('2026-03-12', '2026-03-13')`);
    const now = local('2026-03-21', '00:20');
    const days = await runNightlyRollup(forum.deps.database, now);
    // the forum began on 1 February: catch-up reaches back 35 days before yesterday (13 February)
    const february = Array.from({ length: 16 }, (_, i) => `2026-02-${String(13 + i)}`);
    expect(days).toEqual([...february, '2026-03-12', '2026-03-13', '2026-03-20']);
    const rows = await forum.deps.db.select({ day: analyticsDaily.day }).from(analyticsDaily).where(sql`${analyticsDaily.day} between '2026-03-11' and '2026-03-14'`);
    expect(rows).toHaveLength(4);
  });

  it('the nightly job is registered with the queue and runs through it', async () => {
    const yesterday = addDays(dayOf(new Date(), ZONE), -1);
    await forum.deps.db.delete(analyticsDaily);
    // the 35 days before yesterday already rolled up: the job only has yesterday to do
    await forum.deps.db.execute(sql`
      insert into analytics_daily (day, members_total, new_members, new_invited, dau, wau, mau, posts, threads, replies, likes,
        featured_threads, lurkers, regulars, actives, cores, member_views, guest_views, computed_at)
      select d::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '2000-01-01'
      from generate_series(${addDays(yesterday, -35)}::date, ${addDays(yesterday, -1)}::date, interval '1 day') d`);
    await forum.deps.jobs.send('analytics.rollup', {});
    expect(await forum.deps.jobs.drain('analytics.rollup')).toBe(1);
    const [row] = await forum.deps.db.select().from(analyticsDaily).where(eq(analyticsDaily.day, yesterday));
    expect(row!.membersTotal).toBe(6);
    expect(row!.computedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(seeded.u1.id).toBeGreaterThan(0);
  });
});
