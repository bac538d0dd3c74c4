import { sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import type { AnalyticsFormat } from '../plugin-types.ts';
import type { Period } from '../ranges.ts';
import { addDays, dayStart, eachDay, weekStart, weekday } from '../time.ts';
import type { DayFigures } from './compute-day.ts';
import { activeAndChurn, loadPeriod, type PeriodDays } from './period-data.ts';
import { remember, type MemoStore } from './memo.ts';
import { invitationFigures } from './invitations.ts';

export interface Headline {
  key: string;
  labelKey: string;
  value: number | null;
  previous: number | null;
  format: AnalyticsFormat;
}

export interface Series {
  key: string;
  labelKey: string;
  points: { day: string; value: number }[];
}

export interface Table {
  columns: { key: string; labelKey: string }[];
  rows: Record<string, string | number | null>[];
}

export interface CoreDashboard {
  current: PeriodDays;
  previous: PeriodDays;
  growth: { headlines: Headline[]; series: Series[] };
  activity: { headlines: Headline[]; series: Series[]; heatmap: number[][] };
  retention: { headlines: Headline[]; cohorts: CohortRow[]; series: Series[] };
  content: { headlines: Headline[]; series: Series[]; categories: Table; topThreads: TopThread[]; topContributors: TopContributor[] };
  segments: { headlines: Headline[]; series: Series[] };
}

export interface CohortRow {
  week: string;
  size: number;
  /** Share active in W+1…W+8; null where that week has not begun yet. */
  shares: (number | null)[];
}

export interface TopThread {
  id: number;
  title: string;
  slug: string;
  categoryName: string;
  posts: number;
}

export interface TopContributor {
  id: number;
  username: string;
  posts: number;
}

const sum = (days: DayFigures[], pick: (d: DayFigures) => number) => days.reduce((total, d) => total + pick(d), 0);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const mean = (values: number[]): number | null => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null);
const headline = (key: string, value: number | null, previous: number | null, format: AnalyticsFormat = 'number'): Headline => ({
  key,
  labelKey: `analytics.metric.${key}`,
  value,
  previous,
  format,
});
const series = (key: string, days: string[], values: Map<string, number>): Series => ({
  key,
  labelKey: `analytics.metric.${key}`,
  points: days.map((day) => ({ day, value: values.get(day) ?? 0 })),
});
const byDay = (days: DayFigures[], pick: (d: DayFigures) => number) => new Map(days.map((d) => [d.day, pick(d)]));

/** Content figures of a period, for all categories or one. */
function output(p: PeriodDays, categoryId: number | null) {
  if (categoryId === null) {
    return {
      posts: sum(p.days, (d) => d.posts),
      threads: sum(p.days, (d) => d.threads),
      replies: sum(p.days, (d) => d.replies),
      likes: sum(p.days, (d) => d.likes),
      featured: sum(p.days, (d) => d.featuredThreads),
      postsByDay: byDay(p.days, (d) => d.posts),
      threadsByDay: byDay(p.days, (d) => d.threads),
    };
  }
  const rows = p.categories.filter((c) => c.categoryId === categoryId);
  const total = (pick: (c: (typeof rows)[number]) => number) => rows.reduce((t, c) => t + pick(c), 0);
  return {
    posts: total((c) => c.posts),
    threads: total((c) => c.threads),
    replies: total((c) => c.replies),
    likes: total((c) => c.likes),
    featured: total((c) => c.featuredThreads),
    postsByDay: new Map(rows.map((c) => [c.day, c.posts])),
    threadsByDay: new Map(rows.map((c) => [c.day, c.threads])),
  };
}

export interface DashboardInput {
  database: Database;
  timeZone: string;
  today: string;
  current: Period;
  previous: Period;
  categoryId: number | null;
  /** Remembers live figures between views (the dashboard's own store); none in direct calls. */
  store?: MemoStore;
}

/** Every core panel's figures for a period and its comparison period. */
export async function loadCoreDashboard(input: DashboardInput): Promise<CoreDashboard> {
  const { database, timeZone, today, current: cp, previous: pp, categoryId, store } = input;
  const beforePrevious = { from: addDays(pp.from, -dayCount(pp)), to: addDays(pp.from, -1) };
  // live queries over raw activity and posts: remembered briefly (a minute while the period includes today)
  const memo = remember(store, `${cp.from}|${cp.to}|${pp.from}|${pp.to}|${categoryId}|${timeZone}`, cp.to >= today ? 60_000 : 600_000);
  const [current, previous, active, cohorts, retentionNow, retentionBefore, topThreads, topContributors, names, invitesNow, invitesBefore] = await Promise.all([
    loadPeriod(database, cp, timeZone, today, store),
    loadPeriod(database, pp, timeZone, today, store),
    memo('active', () => activeAndChurn(database, cp, pp, beforePrevious)),
    loadCohorts(database, cp, today),
    loadRetention(database, cp),
    loadRetention(database, pp),
    memo('topThreads', () => loadTopThreads(database, cp, timeZone, categoryId)),
    memo('topContributors', () => loadTopContributors(database, cp, timeZone, categoryId)),
    database.rows<{ id: number; name: string }>(sql`select id, name from categories order by position, id`),
    memo('invitesNow', () => invitationFigures(database, cp, timeZone)),
    memo('invitesBefore', () => invitationFigures(database, pp, timeZone)),
  ]);
  const churnNow = active.current;
  const churnBefore = active.previous;
  const days = eachDay(cp.from, cp.to < today ? cp.to : today);
  const cur = current.days;
  const prev = previous.days;
  const lastOf = (d: DayFigures[]) => d[d.length - 1];
  const membersBefore = (d: DayFigures[]) => (d[0] ? d[0].membersTotal - d[0].newMembers : 0);

  const growth = {
    headlines: [
      headline('membersTotal', lastOf(cur)?.membersTotal ?? null, lastOf(prev)?.membersTotal ?? null),
      headline('newMembers', sum(cur, (d) => d.newMembers), sum(prev, (d) => d.newMembers)),
      headline('growthRate', ratio(sum(cur, (d) => d.newMembers), membersBefore(cur)), ratio(sum(prev, (d) => d.newMembers), membersBefore(prev)), 'percent'),
      headline('invitedShare', ratio(sum(cur, (d) => d.newInvited), sum(cur, (d) => d.newMembers)), ratio(sum(prev, (d) => d.newInvited), sum(prev, (d) => d.newMembers)), 'percent'),
      headline('invitesCreated', invitesNow.created, invitesBefore.created),
      headline('invitesAccepted', invitesNow.accepted, invitesBefore.accepted),
      headline('inviteConversion', ratio(invitesNow.accepted, invitesNow.created), ratio(invitesBefore.accepted, invitesBefore.created), 'percent'),
    ],
    series: [series('newMembers', days, byDay(cur, (d) => d.newMembers)), series('newInvited', days, byDay(cur, (d) => d.newInvited))],
  };

  const outNow = output(current, categoryId);
  const outBefore = output(previous, categoryId);
  const perDay = (value: number, p: PeriodDays) => ratio(value, p.days.length);
  const stickiness = (d: DayFigures[]) => mean(d.filter((x) => x.mau > 0).map((x) => x.dau / x.mau));
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const h of current.hours) heatmap[weekday(h.day) - 1]![h.hour]! += h.actions;
  const activity = {
    headlines: [
      headline('dau', mean(cur.map((d) => d.dau)), mean(prev.map((d) => d.dau))),
      headline('wau', lastOf(cur)?.wau ?? null, lastOf(prev)?.wau ?? null),
      headline('mau', lastOf(cur)?.mau ?? null, lastOf(prev)?.mau ?? null),
      headline('stickiness', stickiness(cur), stickiness(prev), 'percent'),
      headline('postsPerDay', perDay(outNow.posts, current), perDay(outBefore.posts, previous)),
      headline('threadsPerDay', perDay(outNow.threads, current), perDay(outBefore.threads, previous)),
      headline('postsPerActive', ratio(outNow.posts, churnNow.active), ratio(outBefore.posts, churnBefore.active)),
      headline('interactionRate', ratio(outNow.replies + outNow.likes, outNow.threads), ratio(outBefore.replies + outBefore.likes, outBefore.threads)),
      headline('pageViews', sum(cur, (d) => d.memberViews + d.guestViews), sum(prev, (d) => d.memberViews + d.guestViews)),
    ],
    series: [
      series('dau', days, byDay(cur, (d) => d.dau)),
      series('wau', days, byDay(cur, (d) => d.wau)),
      series('mau', days, byDay(cur, (d) => d.mau)),
    ],
    heatmap,
  };

  const retention = {
    headlines: [
      headline('d1', retentionNow.get(1) ?? null, retentionBefore.get(1) ?? null, 'percent'),
      headline('d7', retentionNow.get(7) ?? null, retentionBefore.get(7) ?? null, 'percent'),
      headline('d30', retentionNow.get(30) ?? null, retentionBefore.get(30) ?? null, 'percent'),
      headline('churn', ratio(churnNow.churned, churnNow.previousActive), ratio(churnBefore.churned, churnBefore.previousActive), 'percent'),
    ],
    cohorts,
    series: [
      {
        key: 'week1',
        labelKey: 'analytics.metric.week1',
        points: cohorts.filter((c) => c.shares[0] !== null).map((c) => ({ day: c.week, value: (c.shares[0] ?? 0) * 100 })),
      },
    ],
  };

  const categoryRows = names.map((c) => {
    const rows = current.categories.filter((r) => r.categoryId === c.id);
    const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + pick(r), 0);
    return { category: c.name, id: c.id, posts: total((r) => r.posts), threads: total((r) => r.threads), replies: total((r) => r.replies), likes: total((r) => r.likes), featured: total((r) => r.featuredThreads) };
  });
  const content = {
    headlines: [
      headline('posts', outNow.posts, outBefore.posts),
      headline('threads', outNow.threads, outBefore.threads),
      headline('featuredShare', ratio(outNow.featured, outNow.threads), ratio(outBefore.featured, outBefore.threads), 'percent'),
    ],
    series: [series('posts', days, outNow.postsByDay), series('threads', days, outNow.threadsByDay)],
    categories: {
      columns: ['category', 'posts', 'threads', 'replies', 'likes', 'featured'].map((key) => ({ key, labelKey: `analytics.column.${key}` })),
      rows: categoryRows.filter((r) => categoryId === null || r.id === categoryId).map(({ id: _id, ...r }) => r),
    },
    topThreads,
    topContributors,
  };

  const segmentKeys = ['lurkers', 'regulars', 'actives', 'cores'] as const;
  const segments = {
    headlines: segmentKeys.map((k) => headline(k, lastOf(cur)?.[k] ?? null, lastOf(prev)?.[k] ?? null)),
    series: segmentKeys.map((k) => series(k, days, byDay(cur, (d) => d[k]))),
  };

  return { current, previous, growth, activity, retention, content, segments };
}

function dayCount(p: Period): number {
  return eachDay(p.from, p.to).length;
}

/** Cohorts that joined in the weeks the period touches, with W+1…W+8 as far as those weeks have begun. */
async function loadCohorts(database: Database, period: Period, today: string): Promise<CohortRow[]> {
  const rows = await database.rows<{ cohort_week: string; week_offset: number; cohort: number; active: number }>(sql`
    select to_char(cohort_week, 'YYYY-MM-DD') as cohort_week, week_offset, cohort, active from analytics_cohort_weeks
    where cohort_week between ${weekStart(period.from)}::date and ${period.to}::date order by cohort_week, week_offset`);
  const weeks = new Map<string, CohortRow>();
  for (const r of rows) {
    const row = weeks.get(r.cohort_week) ?? { week: r.cohort_week, size: Number(r.cohort), shares: Array.from({ length: 8 }, () => null) };
    const offset = Number(r.week_offset);
    if (addDays(r.cohort_week, 7 * offset) <= today) row.shares[offset - 1] = Number(r.cohort) > 0 ? Number(r.active) / Number(r.cohort) : null;
    weeks.set(r.cohort_week, row);
  }
  return [...weeks.values()].filter((w) => w.size > 0);
}

/** D1/D7/D30 over the members who joined in the period (those whose day N has been rolled up). */
async function loadRetention(database: Database, period: Period): Promise<Map<number, number>> {
  const rows = await database.rows<{ n: number; cohort: string; retained: string }>(sql`
    select n, sum(cohort) as cohort, sum(retained) as retained from analytics_retention
    where join_day between ${period.from}::date and ${period.to}::date group by n`);
  const out = new Map<number, number>();
  for (const r of rows) if (Number(r.cohort) > 0) out.set(Number(r.n), Number(r.retained) / Number(r.cohort));
  return out;
}

const visible = sql.raw('p.deleted_at is null and p.held_at is null and t.deleted_at is null and t.held_at is null and t.publish_at is null');

async function loadTopThreads(database: Database, period: Period, timeZone: string, categoryId: number | null): Promise<TopThread[]> {
  const { start, end } = bounds(period, timeZone);
  const rows = await database.rows<{ id: number; title: string; slug: string; category_name: string; posts: string }>(sql`
    select t.id, t.title, t.slug, c.name as category_name, x.posts from (
      select p.thread_id, count(*) as posts from posts p join threads t on t.id = p.thread_id
      where p.created_at >= ${start}::timestamptz and p.created_at < ${end}::timestamptz and ${visible}
        ${categoryId === null ? sql`` : sql`and t.category_id = ${categoryId}`}
      group by p.thread_id order by count(*) desc, p.thread_id limit 10
    ) x join threads t on t.id = x.thread_id join categories c on c.id = t.category_id
    order by x.posts desc, t.id`);
  return rows.map((r) => ({ id: Number(r.id), title: r.title, slug: r.slug, categoryName: r.category_name, posts: Number(r.posts) }));
}

async function loadTopContributors(database: Database, period: Period, timeZone: string, categoryId: number | null): Promise<TopContributor[]> {
  const { start, end } = bounds(period, timeZone);
  const rows = await database.rows<{ id: number; username: string; posts: string }>(sql`
    select u.id, u.username, x.posts from (
      select p.author_id, count(*) as posts from posts p join threads t on t.id = p.thread_id
      where p.created_at >= ${start}::timestamptz and p.created_at < ${end}::timestamptz and ${visible}
        ${categoryId === null ? sql`` : sql`and t.category_id = ${categoryId}`}
      group by p.author_id order by count(*) desc, p.author_id limit 10
    ) x join users u on u.id = x.author_id
    order by x.posts desc, u.id`);
  return rows.map((r) => ({ id: Number(r.id), username: r.username, posts: Number(r.posts) }));
}

function bounds(period: Period, timeZone: string) {
  return { start: dayStart(period.from, timeZone).toISOString(), end: dayStart(addDays(period.to, 1), timeZone).toISOString() };
}
