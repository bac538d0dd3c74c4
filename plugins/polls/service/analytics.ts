import { sql, type SQL } from 'drizzle-orm';
import type { AnalyticsRange, Db } from '../../../core/plugins/api.ts';
import type { PollsApi } from '../settings.ts';

/** Polls' figures on /admin/analytics: polls started, responses, distinct voters, responses per poll. */
export function registerPollAnalytics(api: PollsApi): void {
  const { db } = api;
  api.analytics.metric({
    key: 'created',
    labelKey: 'polls.analytics.created',
    total: (range) => count(db, range, 'polls'),
    daily: (range) => perDay(db, range, 'polls'),
  });
  api.analytics.metric({
    key: 'responses',
    labelKey: 'polls.analytics.responses',
    total: (range) => count(db, range, 'responses'),
    daily: (range) => perDay(db, range, 'responses'),
  });
  api.analytics.metric({ key: 'voters', labelKey: 'polls.analytics.voters', total: (range) => voters(db, range) });
  api.analytics.metric({ key: 'perPoll', labelKey: 'polls.analytics.perPoll', total: (range) => responsesPerPoll(db, range) });
  api.analytics.panel({
    key: 'participation',
    titleKey: 'polls.analytics.title',
    descriptionKey: 'polls.analytics.description',
    metrics: ['created', 'responses', 'voters', 'perPoll'],
    categoryFilter: true,
  });
}

// polls in live threads only (a deleted thread's poll no longer counts), optionally in one category
function scope(range: AnalyticsRange): SQL {
  return sql`t.deleted_at is null${range.categoryId === null ? sql`` : sql` and t.category_id = ${range.categoryId}`}`;
}

const within = (column: SQL, range: AnalyticsRange) =>
  sql`${column} >= ${range.start.toISOString()}::timestamptz and ${column} < ${range.end.toISOString()}::timestamptz`;

function source(kind: 'polls' | 'responses', range: AnalyticsRange): SQL {
  return kind === 'polls'
    ? sql`select p.created_at as ts_at from polls_polls p join threads t on t.id = p.thread_id where ${scope(range)} and ${within(sql`p.created_at`, range)}`
    : sql`select r.created_at as ts_at from polls_responses r join polls_polls p on p.id = r.poll_id join threads t on t.id = p.thread_id
          where ${scope(range)} and ${within(sql`r.created_at`, range)}`;
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function count(db: Db, range: AnalyticsRange, kind: 'polls' | 'responses'): Promise<number> {
  const [row] = await rows<{ n: string }>(db, sql`select count(*) as n from (${source(kind, range)}) s`);
  return Number(row?.n ?? 0);
}

async function perDay(db: Db, range: AnalyticsRange, kind: 'polls' | 'responses'): Promise<{ day: string; value: number }[]> {
  const result = await rows<{ day: string; n: string }>(
    db,
    sql`select to_char(ts_at at time zone ${range.timeZone}, 'YYYY-MM-DD') as day, count(*) as n from (${source(kind, range)}) s group by 1 order by 1`,
  );
  return result.map((r) => ({ day: r.day, value: Number(r.n) }));
}

async function voters(db: Db, range: AnalyticsRange): Promise<number> {
  const [row] = await rows<{ n: string }>(
    db,
    sql`select count(distinct r.user_id) as n from polls_responses r join polls_polls p on p.id = r.poll_id join threads t on t.id = p.thread_id
        where ${scope(range)} and ${within(sql`r.created_at`, range)}`,
  );
  return Number(row?.n ?? 0);
}

/** Responses so far to the polls started in the period, per poll: null when none was started. */
async function responsesPerPoll(db: Db, range: AnalyticsRange): Promise<number | null> {
  const [row] = await rows<{ polls: string; responses: string }>(
    db,
    sql`select count(distinct p.id) as polls, count(r.id) as responses
        from polls_polls p join threads t on t.id = p.thread_id left join polls_responses r on r.poll_id = p.id
        where ${scope(range)} and ${within(sql`p.created_at`, range)}`,
  );
  const polls = Number(row?.polls ?? 0);
  return polls > 0 ? Number(row?.responses ?? 0) / polls : null;
}
