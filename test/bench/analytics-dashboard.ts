/**
 * Analytics at scale: `npx tsx test/bench/analytics-dashboard.ts [--days 365] [--members 100000] [--posts 1000000]`
 *
 * Creates a fresh PostgreSQL database, seeds it with set-based SQL (generate_series), rolls up every day,
 * then renders /admin/analytics in-process (app.request, no network) and reports the times. The result
 * is recorded in docs/analytics.md.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { rollupRange } from '../../core/analytics/service/rollup.ts';
import { addDays, dayOf } from '../../core/analytics/time.ts';
import { loadConfig } from '../../core/config/index.ts';
import { openDatabase, type Database } from '../../core/db/index.ts';
import { migrateCore } from '../../core/db/migrate.ts';
import { createLogger } from '../../core/logger.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'forum_analytics_bench';
const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    members: { type: 'string', default: '100000' },
    posts: { type: 'string', default: '1000000' },
    visitors: { type: 'string', default: '3000' },
    /** Skip seeding and the roll-up: time the dashboard on the database a previous run left. */
    reuse: { type: 'boolean', default: false },
  },
});
const DAYS = Number(values.days);
const MEMBERS = Number(values.members);
const POSTS = Number(values.posts);
const VISITORS = Number(values.visitors);
const THREADS = Math.floor(POSTS / 20);
const ZONE = 'Asia/Shanghai';

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function freshDatabase(): Promise<string> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${NAME}" with (force)`);
  await admin.unsafe(`create database "${NAME}"`);
  await admin.end();
  return benchUrl();
}

async function main(): Promise<void> {
  const url = values.reuse ? benchUrl() : await freshDatabase();
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  await migrateCore(database);
  if (!values.reuse) await seedAndRollUp(database);
  await timeDashboard(url, database);
  await database.close();
}

function benchUrl(): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${NAME}`;
  return url.toString();
}

async function seedAndRollUp(database: Database): Promise<void> {
  const { db } = database;
  const span = DAYS * 86_400;
  let t = performance.now();
  // members join over the whole span, more of them recently (a growing forum)
  await db.execute(sql`
    insert into users (username, username_key, display_name, email, email_key, password_hash, role, created_at)
    select 'm' || i, 'm' || i, 'Member ' || i, 'm' || i || '@bench.invalid', 'm' || i || '@bench.invalid', 'x',
           (case when i <= 5 then 'admin' else 'member' end)::role,
           now() - make_interval(secs => ${span} * (1 - sqrt(i::float8 / ${MEMBERS})))
    from generate_series(1, ${MEMBERS}) i`);
  await db.execute(sql`insert into categories (slug, name, position) select 'c' || i, 'Category ' || i, i from generate_series(1, 8) i`);
  await db.execute(sql`
    insert into threads (category_id, author_id, title, slug, featured, created_at, last_post_number)
    select 1 + i % 8, 1 + (i * 7919) % ${MEMBERS}, 'Thread ' || i, 'thread-' || i, i % 25 = 0,
           now() - make_interval(secs => (i::bigint * 104729) % ${span}), 20
    from generate_series(1, ${THREADS}) i`);
  // 20 posts per thread; authors follow a long tail (a few write a lot); times spread over the span
  await db.execute(sql`
    insert into posts (thread_id, author_id, number, raw, html, created_at)
    select 1 + i % ${THREADS}, 1 + floor((${MEMBERS} - 1) * power(((i::bigint * 2654435761) % 1000003) / 1000003.0, 3))::int,
           1 + i / ${THREADS}, 'text', '<p>text</p>', now() - make_interval(secs => (i::bigint * 7919) % ${span})
    from generate_series(0, ${POSTS} - 1) i`);
  await db.execute(sql`
    insert into post_likes (post_id, user_id, created_at)
    select p.id, 1 + (p.id * 13) % ${MEMBERS}, p.created_at + interval '1 hour' from posts p where p.id % 4 = 0
    on conflict do nothing`);
  // signed-in visits: a few thousand members a day, never before they joined
  await db.execute(sql`
    insert into member_active_days (user_id, day)
    select u, (now() at time zone ${ZONE})::date - d
    from generate_series(0, ${DAYS} - 1) d, generate_series(1, ${VISITORS}) k,
         lateral (select 1 + ((d * 7 + k * 37) % ${MEMBERS}) as u) x
    on conflict do nothing`);
  await db.execute(sql`delete from member_active_days m using users u where u.id = m.user_id and m.day < (u.created_at at time zone ${ZONE})::date`);
  await db.execute(sql`analyze`);
  await updateSiteSettings(db, { timeZone: ZONE, setupComplete: true, setupToken: null, forumName: 'Analytics bench' });
  const [counts] = await database.rows<{ users: string; posts: string; likes: string; active: string }>(sql`
    select (select count(*) from users) users, (select count(*) from posts) posts,
           (select count(*) from post_likes) likes, (select count(*) from member_active_days) active`);
  console.log(`seeded ${counts!.users} members, ${counts!.posts} posts, ${counts!.likes} likes, ${counts!.active} active days in ${seconds(t)} s`);

  const today = dayOf(new Date(), ZONE);
  t = performance.now();
  const rolled = await rollupRange(database, addDays(today, -DAYS), addDays(today, -1), ZONE, (_day, done, total) => {
    if (done % 50 === 0 || done === total) console.log(`  rolled up ${done}/${total} days (${seconds(t)} s)`);
  });
  const rollupSeconds = Number(seconds(t));
  console.log(`roll-up: ${rolled} days in ${rollupSeconds} s (${((rollupSeconds * 1000) / rolled).toFixed(0)} ms per day)`);
  await db.execute(sql`analyze`);
}

async function timeDashboard(url: string, database: Database): Promise<void> {
  const { db } = database;
  const today = dayOf(new Date(), ZONE);
  // the app is loaded only now: seeding and rolling up need none of it
  const { createForum } = await import('../../core/bootstrap.ts');
  const { createSession } = await import('../../core/accounts/service/sessions.ts');
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, BASE_URL: 'http://bench.test', LOG_LEVEL: 'silent', SECRET: 'bench-secret-bench-secret-bench-secret' });
  const forum = await createForum({ config, database, logger: createLogger('silent'), migrate: false, plugins: [] });
  const { token } = await createSession(db, 1);
  const render = async (query: string) => {
    const started = performance.now();
    const res = await forum.app.request(`http://bench.test/admin/analytics?${query}`, { headers: { cookie: `session=${token}` } });
    const body = await res.text();
    if (res.status !== 200 || !body.includes('analytics-panel')) throw new Error(`dashboard answered ${res.status}`);
    return performance.now() - started;
  };
  const results: string[] = [];
  // the first view of the day computes today's partial figures live; later views within a minute reuse them
  // the very first view also computes today's partial figures live (then remembered for a minute)
  results.push(`first view of the day (30 days, today computed live): ${(await render('range=30d')).toFixed(0)} ms`);
  for (const range of ['7d', '30d', '90d', 'quarter', 'last-month']) {
    const first = await render(`range=${range}`);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) times.push(await render(`range=${range}`));
    results.push(`${range}: first view ${first.toFixed(0)} ms, then median ${median(times).toFixed(0)} ms over 4 views`);
  }
  const past = await render(`range=custom&from=${addDays(today, -60)}&to=${addDays(today, -31)}`);
  results.push(`30 past days (roll-ups only): ${past.toFixed(0)} ms`);
  const category = await render('range=30d&category=3');
  results.push(`30 days, one category: ${category.toFixed(0)} ms`);
  console.log(results.join('\n'));
  await forum.close();
}

await main();
