import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { hashPassword } from '../accounts/service/passwords.ts';
import { renderMarkdown } from '../markdown/index.ts';
import { updateSiteSettings } from '../site/settings.ts';
import { invalidateCategories } from '../forum/service/category-cache.ts';
import { BENCH_PASSWORD, BENCH_SENTENCES, BENCH_TITLES, BENCH_TAGS, BENCH_CATEGORIES } from './corpus.ts';

export interface SeedOptions {
  posts: number;
  /** Replies in the one very long thread (capped by posts / 2). */
  longThreadReplies?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface SeedSummary {
  members: number;
  categories: number;
  threads: number;
  posts: number;
  likes: number;
  longThreadId: number;
  longThreadPages: number;
  sampleThreadId: number;
  benchUsername: string;
  seconds: number;
}

const STEPS = ['members', 'categories', 'threads', 'posts', 'likes', 'tags', 'counters'] as const;

/**
 * Fills an empty forum fast for benchmarks: set-based INSERT … SELECT from generate_series on the
 * database side (works on PGlite and PostgreSQL), with a small rendered corpus of mixed Chinese and
 * English text. Thread sizes follow a long-tailed distribution plus one very long thread.
 */
export async function seedBenchmarkForum(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const { db } = database;
  const total = Math.max(100, Math.floor(options.posts));
  const progress = (step: (typeof STEPS)[number]) => options.onProgress?.(step, STEPS.indexOf(step), STEPS.length);

  const [{ count: existing } = { count: 0 }] = await database.rows<{ count: number }>(sql`select count(*)::int as count from posts`);
  if (existing > 0) throw new Error('bench seed needs an empty database (it found posts): point DATABASE_URL at a fresh one.');

  progress('members');
  const members = Math.max(50, Math.floor(total / 20));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  // username_key is usernameKey() of the name (core/accounts/service/usernames.ts): digits that pass
  // for letters are folded, so "bench10" is found as "benchlo"
  await db.execute(sql`
    insert into users (username, username_key, display_name, email, email_key, password_hash, role, created_at, post_count)
    select 'bench' || i, translate('bench' || i, '01', 'ol'), case when i % 2 = 0 then '成员' || i else 'Member ' || i end,
           'bench' || i || '@bench.invalid', 'bench' || i || '@bench.invalid', ${passwordHash},
           (case when i = 1 then 'admin' else 'member' end)::role,
           now() - make_interval(days => (i % 720)), 0
    from generate_series(1, ${members}) as i`);

  progress('categories');
  for (const [position, category] of BENCH_CATEGORIES.entries()) {
    await db.execute(sql`insert into categories (slug, name, description, position) values (${category.slug}, ${category.name}, ${category.description}, ${position})`);
  }
  invalidateCategories();

  progress('threads');
  const longReplies = Math.min(options.longThreadReplies ?? 10_000, Math.floor(total / 2));
  const sizes = threadSizes(total - (longReplies + 1));
  sizes.unshift(longReplies + 1);
  const sizeArray = `{${sizes.join(',')}}`;
  const titleCount = BENCH_TITLES.length;
  await db.execute(sql`
    insert into threads (category_id, author_id, title, slug, reply_count, last_post_number, like_count, created_at, last_post_at, last_poster_id)
    select c.id, 1 + (s.i * 7919) % ${members},
           (${pgTextArray(BENCH_TITLES)}::text[])[1 + s.i % ${titleCount}] || ' #' || s.i,
           'bench-' || s.i, s.size - 1, s.size, 0,
           now() - make_interval(mins => ((${sizes.length} - s.i) * 3 + 600)::int),
           now() - make_interval(mins => ((${sizes.length} - s.i) * 3)::int),
           1 + (s.i * 104729) % ${members}
    from unnest(${sizeArray}::int[]) with ordinality as s(size, i)
    join lateral (select id from categories order by id offset (s.i % ${BENCH_CATEGORIES.length}) limit 1) c on true`);

  progress('posts');
  const rendered = BENCH_SENTENCES.map((raw) => renderMarkdown(raw));
  const raws = BENCH_SENTENCES;
  const htmls = rendered.map((r) => r.html);
  await db.execute(sql`
    insert into posts (thread_id, author_id, number, raw, html, created_at)
    select t.id, case when n = 1 then t.author_id else 1 + ((t.id * 31 + n * 17) % ${members}) end, n,
           (${pgTextArray(raws)}::text[])[1 + (t.id + n) % ${raws.length}],
           (${pgTextArray(htmls)}::text[])[1 + (t.id + n) % ${htmls.length}],
           t.created_at + make_interval(secs => n * 20.0)
    from threads t, generate_series(1, t.last_post_number) as n`);

  progress('likes');
  // about one like for every four posts, from up to three different members
  await db.execute(sql`
    insert into post_likes (post_id, user_id)
    select p.id, 1 + ((p.id * 13 + k * 101) % ${members})
    from posts p, generate_series(1, 3) as k
    where (p.id + k) % 12 = 0
    on conflict do nothing`);
  await db.execute(sql`update posts p set like_count = l.c from (select post_id, count(*)::int c from post_likes group by post_id) l where l.post_id = p.id`);
  await db.execute(sql`update threads t set like_count = l.c from (select thread_id, sum(like_count)::int c from posts group by thread_id) l where l.thread_id = t.id`);

  progress('tags');
  for (const name of BENCH_TAGS) await db.execute(sql`insert into tags (name) values (${name})`);
  await db.execute(sql`
    insert into thread_tags (thread_id, tag_id)
    select t.id, g.id from threads t join tags g on (t.id + g.id) % 5 = 0`);
  await db.execute(sql`update tags g set thread_count = c.n from (select tag_id, count(*)::int n from thread_tags group by tag_id) c where c.tag_id = g.id`);

  progress('counters');
  await db.execute(sql`update categories c set thread_count = s.threads, post_count = s.posts
    from (select category_id, count(*)::int threads, sum(last_post_number)::int posts from threads group by category_id) s
    where s.category_id = c.id`);
  await db.execute(sql`update users u set post_count = s.n from (select author_id, count(*)::int n from posts group by author_id) s where s.author_id = u.id`);
  await db.execute(sql`update users u set thread_count = s.n from (select author_id, count(*)::int n from threads group by author_id) s where s.author_id = u.id`);
  await db.execute(sql`analyze`);
  await updateSiteSettings(db, { setupComplete: true, setupToken: null, forumName: 'Bench 基准论坛' });

  const [counts] = await database.rows<{ threads: number; posts: number; likes: number; sample: number; long: number }>(sql`
    select (select count(*)::int from threads) threads, (select count(*)::int from posts) posts,
           (select count(*)::int from post_likes) likes,
           (select id from threads where last_post_number between 15 and 40 order by id limit 1) sample,
           (select id from threads order by last_post_number desc limit 1) long`);
  return {
    members,
    categories: BENCH_CATEGORIES.length,
    threads: counts!.threads,
    posts: counts!.posts,
    likes: counts!.likes,
    longThreadId: counts!.long,
    longThreadPages: Math.ceil((longReplies + 1) / 20),
    sampleThreadId: counts!.sample ?? counts!.long,
    benchUsername: 'bench1',
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Posts per thread for `posts` posts: most threads are short, a few are long (a discrete
 * long-tailed distribution, deterministic so runs compare).
 */
export function threadSizes(posts: number): number[] {
  const sizes: number[] = [];
  let left = posts;
  let i = 0;
  while (left > 0) {
    const u = ((i * 2654435761) % 4294967296) / 4294967296;
    const size = Math.min(left, 1 + Math.floor(-Math.log(1 - u * 0.999) * 9) + (i % 97 === 0 ? 150 : 0));
    sizes.push(size);
    left -= size;
    i++;
  }
  return sizes;
}

/** One parameter holding a text[] literal (drizzle would expand a JS array into a parameter list). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
