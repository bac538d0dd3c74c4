/**
 * Query latency of the built-in search engine (PostgreSQL full text + CJK segmentation).
 *
 *   npx tsx test/bench/search-latency.ts [--posts 100000] [--queries 300]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/search-latency.ts
 *
 * Seeds a fresh forum (in-memory PGlite, or a throw-away database on DATABASE_URL's server) with the
 * benchmark corpus (mixed Chinese and English), builds the index with `reindex`, then times searches
 * as a guest: a mix of Chinese, English (stemmed, prefix) and mixed queries, relevance and date sort,
 * with and without filters. Reports p50/p95/p99 in milliseconds. Not part of `npm test`.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { seedBenchmarkForum } from '../../core/bench/seed.ts';
import { openDatabase, type Database } from '../../core/db/index.ts';
import { migrateCore } from '../../core/db/migrate.ts';
import { categories } from '../../core/forum/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { SearchService, type SearchQuery } from '../../core/search/index.ts';
import { searchOutbox } from '../../core/search/schema.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' }, queries: { type: 'string', default: '300' } } });
const POSTS = Number(values.posts);
const QUERIES = Number(values.queries);

async function database(): Promise<Database & { dropAfter?: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) return openDatabase({ dataDir: 'memory://' });
  const name = `forum_bench_search_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  return Object.assign(db, {
    async dropAfter() {
      await db.close();
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  });
}

const TEXTS = ['二手', '自行车', '教程', '活动 meetup', 'release', 'running', 'bug', 'question', 'tips 分享', '新手 question', 'forum', 'meet'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const db = await database();
  try {
    await migrateCore(db);
    let t = performance.now();
    const seeded = await seedBenchmarkForum(db, { posts: POSTS });
    console.log(`seeded ${seeded.posts} posts in ${seeded.threads} threads (${((performance.now() - t) / 1000).toFixed(1)} s, ${db.kind})`);
    // the triggers queued every row; a full rebuild is the faster way to a complete index
    await db.db.delete(searchOutbox);
    const service = new SearchService({ db: db.db, logger: createLogger('silent'), host: {} });
    t = performance.now();
    let last = 0;
    const built = await service.reindex(({ done, total }) => {
      if (done - last >= 20_000 || done === total) {
        last = done;
        process.stdout.write(`\rindexing ${done}/${total}`);
      }
    });
    console.log(`\nindexed ${built.done} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await db.db.execute(sql`analyze search_documents`);
    const readable = (await db.db.select({ id: categories.id }).from(categories).where(sql`${categories.readAccess} = 'everyone'`)).map((c) => c.id);
    const scope = { readableCategoryIds: readable, allowedTypes: ['thread', 'post', 'member'] };
    const times: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const q: SearchQuery = {
        q: TEXTS[i % TEXTS.length]!,
        types: i % 5 === 0 ? ['thread'] : [],
        categoryIds: i % 7 === 0 ? readable.slice(0, 1) : [],
        facets: [],
        sort: i % 3 === 0 ? 'date' : 'relevance',
        match: 'all',
        page: 1 + (i % 4 === 0 ? 1 : 0),
        pageSize: 20,
      };
      const started = performance.now();
      const result = await service.search(q, scope);
      times.push(performance.now() - started);
      totals.push(result.total);
    }
    times.sort((a, b) => a - b);
    const avgHits = Math.round(totals.reduce((a, b) => a + b, 0) / totals.length);
    console.log(
      `search latency over ${QUERIES} queries (${db.kind}, ${POSTS} posts, ~${avgHits} matches per query): ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · p99 ${percentile(times, 99).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms`,
    );
  } finally {
    await (db.dropAfter ? db.dropAfter() : db.close());
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
