import { sql } from 'drizzle-orm';
import { createSession } from '../../core/accounts/service/sessions.ts';
import { generateToken } from '../../core/accounts/service/tokens.ts';
import type { Database } from '../../core/db/index.ts';

/** What the scenarios point at in a seeded database, and signed-in members to act as. */
export interface BenchFixtures {
  thread: string;
  longThreadFirst: string;
  longThreadLast: string;
  category: string;
  profile: string;
  replyThreadIds: number[];
  likePostIds: number[];
  /** One session per simulated member: cookie header values (session + CSRF double submit). */
  sessions: { cookie: string; csrf: string }[];
  /** Whether this forum has a search index to query. */
  searchable?: boolean;
}

export async function benchFixtures(database: Database): Promise<BenchFixtures> {
  const [thread] = await database.rows<{ id: number; slug: string }>(
    sql`select id, slug from threads where last_post_number between 20 and 40 and deleted_at is null order by id limit 1`,
  );
  const [long] = await database.rows<{ id: number; slug: string; n: number }>(
    sql`select id, slug, last_post_number n from threads order by last_post_number desc limit 1`,
  );
  const [category] = await database.rows<{ slug: string }>(sql`select slug from categories order by position limit 1`);
  const [profile] = await database.rows<{ username: string }>(sql`select username from users order by post_count desc limit 1`);
  const replyThreads = await database.rows<{ id: number }>(sql`select id from threads where last_post_number < 200 order by id desc limit 200`);
  const likePosts = await database.rows<{ id: number }>(sql`select id from posts order by id desc limit 2000`);
  const members = await database.rows<{ id: number }>(sql`select id from users where role = 'member' order by id limit 200`);
  const sessions = [];
  for (const member of members) {
    const { token } = await createSession(database.db, member.id, 'bench');
    const csrf = generateToken();
    sessions.push({ cookie: `session=${token}; csrf=${csrf}`, csrf });
  }
  if (!thread || !long || !category || !profile) throw new Error('the bench database is missing seeded data');
  const lastPage = Math.ceil(long.n / 20);
  return {
    thread: `/t/${thread.id}/${thread.slug}`,
    longThreadFirst: `/t/${long.id}/${long.slug}`,
    longThreadLast: `/t/${long.id}/${long.slug}?page=${lastPage}`,
    category: `/c/${category.slug}`,
    profile: `/u/${encodeURIComponent(profile.username)}`,
    replyThreadIds: replyThreads.map((r) => r.id),
    likePostIds: likePosts.map((r) => r.id),
    sessions,
  };
}
