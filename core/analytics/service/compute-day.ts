import { sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { addDays, dayStart, weekStart } from '../time.ts';

export const RETENTION_DAYS = [1, 7, 30] as const;
export const COHORT_WEEKS = 8;

export interface DayFigures {
  day: string;
  membersTotal: number;
  newMembers: number;
  newInvited: number;
  dau: number;
  wau: number;
  mau: number;
  posts: number;
  threads: number;
  replies: number;
  likes: number;
  featuredThreads: number;
  lurkers: number;
  regulars: number;
  actives: number;
  cores: number;
  memberViews: number;
  guestViews: number;
}

export interface CategoryFigures {
  categoryId: number;
  posts: number;
  threads: number;
  replies: number;
  likes: number;
  featuredThreads: number;
}

export interface DayComputation {
  figures: DayFigures;
  categories: CategoryFigures[];
  hours: { hour: number; actions: number }[];
  retention: { joinDay: string; n: number; cohort: number; retained: number }[];
  cohortWeeks: { cohortWeek: string; weekOffset: number; cohort: number; active: number }[];
}

type Row = Record<string, unknown>;
const n = (v: unknown): number => Number(v ?? 0);
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Every figure of one day in the forum's time zone, from the source tables. Pure reads: the caller
 * stores the result (roll-up) or shows it (today's partial figures).
 */
export async function computeDay(database: Database, day: string, timeZone: string): Promise<DayComputation> {
  const start = dayStart(day, timeZone);
  const end = dayStart(addDays(day, 1), timeZone);
  const windowStart = dayStart(addDays(day, -29), timeZone);
  const rows = <T extends Row>(q: ReturnType<typeof sql>) => database.rows<T>(q);

  const [members, actives, content, segments, views, categories, hours] = await Promise.all([
    rows(sql`
      select count(*) filter (where u.created_at < ${ts(end)}) as total,
             count(*) filter (where u.created_at >= ${ts(start)} and u.created_at < ${ts(end)}) as new,
             count(i.user_id) filter (where u.created_at >= ${ts(start)} and u.created_at < ${ts(end)}) as invited
      from users u left join analytics_invited_members i on i.user_id = u.id
      where u.created_at < ${ts(end)}`),
    rows(sql`
      select count(distinct user_id) filter (where day = ${day}::date) as dau,
             count(distinct user_id) filter (where day >= ${addDays(day, -6)}::date) as wau,
             count(distinct user_id) as mau
      from member_active_days where day between ${addDays(day, -29)}::date and ${day}::date`),
    rows(sql`
      select (select count(*) from posts p join threads t on t.id = p.thread_id
                where p.created_at >= ${ts(start)} and p.created_at < ${ts(end)} ${visible}) as posts,
             (select count(*) from posts p join threads t on t.id = p.thread_id
                where p.created_at >= ${ts(start)} and p.created_at < ${ts(end)} and p.number > 1 ${visible}) as replies,
             (select count(*) from threads t
                where t.created_at >= ${ts(start)} and t.created_at < ${ts(end)} ${visibleThread}) as threads,
             (select count(*) from threads t
                where t.created_at >= ${ts(start)} and t.created_at < ${ts(end)} and t.featured ${visibleThread}) as featured,
             (select count(*) from post_likes l join posts p on p.id = l.post_id join threads t on t.id = p.thread_id
                where l.created_at >= ${ts(start)} and l.created_at < ${ts(end)} ${visible}) as likes`),
    // segments over the trailing 30 days: every active member, by their posts in the window; staff are core
    rows(sql`
      with active as (
        select distinct user_id from member_active_days where day between ${addDays(day, -29)}::date and ${day}::date
      ), written as (
        select p.author_id as user_id, count(*) as posts from posts p join threads t on t.id = p.thread_id
        where p.created_at >= ${ts(windowStart)} and p.created_at < ${ts(end)} ${visible}
        group by p.author_id
      )
      select count(*) filter (where u.role = 'member' and coalesce(w.posts, 0) = 0) as lurkers,
             count(*) filter (where u.role = 'member' and w.posts between 1 and 4) as regulars,
             count(*) filter (where u.role = 'member' and w.posts between 5 and 19) as actives,
             count(*) filter (where u.role <> 'member' or w.posts >= 20) as cores
      from active a join users u on u.id = a.user_id left join written w on w.user_id = a.user_id`),
    rows(sql`select kind, views from analytics_page_views where day = ${day}::date`),
    rows(sql`
      select category_id, sum(posts) as posts, sum(replies) as replies, sum(threads) as threads,
             sum(featured) as featured, sum(likes) as likes
      from (
        select t.category_id, count(*) as posts, count(*) filter (where p.number > 1) as replies,
               0 as threads, 0 as featured, 0 as likes
        from posts p join threads t on t.id = p.thread_id
        where p.created_at >= ${ts(start)} and p.created_at < ${ts(end)} ${visible} group by t.category_id
        union all
        select t.category_id, 0, 0, count(*), count(*) filter (where t.featured), 0
        from threads t where t.created_at >= ${ts(start)} and t.created_at < ${ts(end)} ${visibleThread} group by t.category_id
        union all
        select t.category_id, 0, 0, 0, 0, count(*)
        from post_likes l join posts p on p.id = l.post_id join threads t on t.id = p.thread_id
        where l.created_at >= ${ts(start)} and l.created_at < ${ts(end)} ${visible} group by t.category_id
      ) c group by category_id`),
    rows(sql`
      select extract(hour from ts_at at time zone ${timeZone})::int as hour, count(*) as actions
      from (
        select p.created_at as ts_at from posts p join threads t on t.id = p.thread_id
        where p.created_at >= ${ts(start)} and p.created_at < ${ts(end)} ${visible}
        union all
        select l.created_at from post_likes l where l.created_at >= ${ts(start)} and l.created_at < ${ts(end)}
      ) a group by 1`),
  ]);

  const retention = await Promise.all(
    RETENTION_DAYS.map(async (offset) => {
      const joinDay = addDays(day, -offset);
      const [r] = await rows(sql`
        select count(*) as cohort,
               count(*) filter (where exists (select 1 from member_active_days m where m.user_id = u.id and m.day = ${day}::date)) as retained
        from users u
        where u.created_at >= ${ts(dayStart(joinDay, timeZone))} and u.created_at < ${ts(dayStart(addDays(joinDay, 1), timeZone))}`);
      return { joinDay, n: offset, cohort: n(r?.cohort), retained: n(r?.retained) };
    }),
  );

  // the whole calendar week containing the day, so recomputing any day of it gives the same answer
  const week = weekStart(day);
  const cohortWeeks = await Promise.all(
    Array.from({ length: COHORT_WEEKS }, async (_, i) => {
      const weekOffset = i + 1;
      const cohortWeek = addDays(week, -7 * weekOffset);
      const [r] = await rows(sql`
        select count(*) as cohort,
               count(*) filter (where exists (select 1 from member_active_days m where m.user_id = u.id
                 and m.day between ${week}::date and ${addDays(week, 6)}::date)) as active
        from users u
        where u.created_at >= ${ts(dayStart(cohortWeek, timeZone))} and u.created_at < ${ts(dayStart(addDays(cohortWeek, 7), timeZone))}`);
      return { cohortWeek, weekOffset, cohort: n(r?.cohort), active: n(r?.active) };
    }),
  );

  const m = members[0] ?? {};
  const a = actives[0] ?? {};
  const c = content[0] ?? {};
  const s = segments[0] ?? {};
  const viewsOf = (kind: string) => n(views.find((v) => v.kind === kind)?.views);
  return {
    figures: {
      day,
      membersTotal: n(m.total),
      newMembers: n(m.new),
      newInvited: n(m.invited),
      dau: n(a.dau),
      wau: n(a.wau),
      mau: n(a.mau),
      posts: n(c.posts),
      threads: n(c.threads),
      replies: n(c.replies),
      likes: n(c.likes),
      featuredThreads: n(c.featured),
      lurkers: n(s.lurkers),
      regulars: n(s.regulars),
      actives: n(s.actives),
      cores: n(s.cores),
      memberViews: viewsOf('member'),
      guestViews: viewsOf('guest'),
    },
    categories: categories.map((r) => ({
      categoryId: n(r.category_id),
      posts: n(r.posts),
      threads: n(r.threads),
      replies: n(r.replies),
      likes: n(r.likes),
      featuredThreads: n(r.featured),
    })),
    hours: hours.map((r) => ({ hour: n(r.hour), actions: n(r.actions) })),
    retention,
    cohortWeeks,
  };
}

// the same visibility as core/forum/service/visibility.ts (publicPost, publicThread), for raw SQL aliases p and t
const visibleThread = sql.raw(' and t.deleted_at is null and t.held_at is null and t.publish_at is null');
const visible = sql.raw(' and p.deleted_at is null and p.held_at is null and t.deleted_at is null and t.held_at is null and t.publish_at is null');

/**
 * Makes the activity record complete for a past day: members who posted or liked that day were active,
 * even when the post arrived through an import or a job rather than a page request.
 */
export async function backfillActiveDays(database: Database, day: string, timeZone: string): Promise<void> {
  const start = dayStart(day, timeZone);
  const end = dayStart(addDays(day, 1), timeZone);
  await database.db.execute(sql`
    insert into member_active_days (user_id, day, first_seen_at)
    select user_id, ${day}::date, min(ts_at) from (
      select author_id as user_id, created_at as ts_at from posts where created_at >= ${ts(start)} and created_at < ${ts(end)}
      union all
      select user_id, created_at from post_likes where created_at >= ${ts(start)} and created_at < ${ts(end)}
    ) a group by user_id
    on conflict do nothing`);
}
