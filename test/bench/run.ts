/**
 * `npm run bench`: seeds databases, starts a production-mode forum and a bare Hono hello-world, drives
 * both with autocannon, and reports every scenario as a ratio to the hello-world measured in the same run.
 *
 *   npm run bench -- [--duration 10] [--connections 50] [--engines postgres,pglite] [--sizes 10000,1000000] [--reuse]
 *                    [--only 'signed in']   (scenarios whose name contains this text; the full table is the record)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../core/db/index.ts';
import { migrateCore } from '../../core/db/migrate.ts';
import { seedBenchmarkForum } from '../../core/bench/seed.ts';
import { benchFixtures, type BenchFixtures } from './fixtures.ts';
import { measure, type Measurement, type Scenario } from './measure.ts';
import { startProcess, type RunningProcess } from './processes.ts';
import { formatTable, type Row } from './report.ts';
import { browserHeaders, forumScenarios, viewerReadsScenario, writeMixScenario } from './scenarios.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Largest benchmark forum that gets a search index (a full reindex costs a few ms per row). */
const SEARCH_LIMIT = 100_000;
const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    engines: { type: 'string', default: 'postgres,pglite' },
    sizes: { type: 'string', default: '10000,1000000' },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Math.max(1, Number(values.rounds));
const engines = values.engines.split(',').filter(Boolean);
const sizes = values.sizes.split(',').map(Number).filter((n) => n >= 100);

interface Target {
  engine: 'postgres' | 'pglite';
  size: number;
  env: Record<string, string>;
}

async function prepare(engine: Target['engine'], size: number): Promise<{ target: Target; fixtures: BenchFixtures }> {
  let database: Database;
  const env: Record<string, string> = {};
  if (engine === 'postgres') {
    const name = `forum_bench_${size}`;
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
    if (exists && !values.reuse) await admin.unsafe(`drop database "${name}" with (force)`);
    if (!exists || !values.reuse) await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: 'memory://' });
  } else {
    const dir = path.join(root, 'data', `bench-pglite-${size}`);
    if (!values.reuse) await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    env.DATA_DIR = dir;
    database = await openDatabase({ dataDir: dir });
  }
  try {
    await migrateCore(database);
    const fresh = (await database.rows<{ n: number }>(sql`select count(*)::int n from posts`))[0]?.n === 0;
    if (fresh) {
      process.stdout.write(`seeding ${engine} with ${size} posts… `);
      const summary = await seedBenchmarkForum(database, { posts: size, longThreadReplies: Math.min(10_000, Math.floor(size / 2)) });
      process.stdout.write(`${summary.seconds.toFixed(1)} s\n`);
    }
    const fixtures = await benchFixtures(database);
    const [indexed] = await database.rows<{ n: number }>(sql`select count(*)::int n from search_documents`);
    // the seed's rows all went through the search triggers: index them now, or the server's search
    // worker would spend the benchmark catching up. Above SEARCH_LIMIT a reindex takes too long here.
    const searchable = size <= SEARCH_LIMIT;
    if (!searchable) await database.db.execute(sql`truncate search_outbox`);
    await database.close();
    if (searchable && indexed!.n === 0) {
      process.stdout.write(`indexing ${engine} ${size} for search… `);
      execFileSync(process.execPath, [path.join(root, 'core/cli/bin.js'), 'search', 'reindex'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
      process.stdout.write('done\n');
    }
    return { target: { engine, size, env }, fixtures: { ...fixtures, searchable } };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** The node flags `npm start` passes (the heap cap), so the benchmark runs the server as operators do. */
function startScriptNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

async function startForum(target: Target): Promise<RunningProcess> {
  return startProcess('forum', process.execPath, [...startScriptNodeFlags(), path.join(root, 'core/cli/bin.js'), 'start'], {
    ...target.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    SECRET: 'bench-secret-bench-secret-bench-secret',
  });
}

/** Started once the forum has stopped (PGlite allows one process per data directory). */
async function startViewerReads(target: Target, fixtures: BenchFixtures): Promise<RunningProcess> {
  const threadId = fixtures.thread.split('/')[2]!;
  return startProcess('viewer-reads', process.execPath, ['--import', 'tsx', path.join(root, 'test/bench/viewer-reads.ts')], {
    ...target.env,
    BENCH_THREAD_ID: threadId,
  });
}

async function startHello(): Promise<RunningProcess> {
  return startProcess('hello', process.execPath, ['--import', 'tsx', path.join(root, 'test/bench/hello.ts')], {});
}

/** Two baseline measurements as one: mean rate, summed counts, the worse latencies and the larger memory. */
function averageOf(a: Measurement, b: Measurement): Measurement {
  return {
    requestsPerSecond: (a.requestsPerSecond + b.requestsPerSecond) / 2,
    p50: Math.max(a.p50, b.p50),
    p97_5: Math.max(a.p97_5, b.p97_5),
    p99: Math.max(a.p99, b.p99),
    errors: a.errors + b.errors,
    requests: a.requests + b.requests,
    maxRssMb: Math.max(a.maxRssMb, b.maxRssMb),
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const raw: Record<string, Measurement & { baselineRequestsPerSecond?: number; roundRatios?: number[] }> = {};
  for (const engine of engines as Target['engine'][]) {
    const engineSizes = engine === 'pglite' ? [Math.min(...sizes)] : sizes;
    for (const size of engineSizes) {
      const { target, fixtures } = await prepare(engine, size);
      const label = `${engine} ${formatSize(size)}`;
      // the hello-world runs beside the forum and takes turns with every scenario: hello, scenario, hello,
      // scenario … hello. Each round's ratio divides the scenario by the mean of the hello-worlds either
      // side of it, and the round with the median ratio is reported. This machine's speed drifts within
      // seconds (a neighbour's load on a shared host): one pair can be off by a third, the median of
      // several pairs taken back to back much less
      const hello = await startHello();
      try {
        let helloWarm = false;
        const measureBaseline = async () => {
          const m = await measure({ name: 'hello', url: hello.url, path: '/', headers: browserHeaders }, { duration, connections, pid: hello.pid, warmUpSeconds: helloWarm ? 0 : 1 });
          helloWarm = true;
          return m;
        };
        const first = await measureBaseline();
        raw[`${label} hello`] = first;
        rows.push({ label, scenario: 'bare Hono hello-world', m: first, baseline: first });
        const measurePaired = async (scenario: Scenario, pid: number) => {
          const baselines = [await measureBaseline()];
          const runs: Measurement[] = [];
          for (let round = 0; round < rounds; round++) {
            runs.push(await measure(scenario, { duration, connections, pid, warmUpSeconds: round === 0 ? 3 : 0 }));
            baselines.push(await measureBaseline());
          }
          const paired = runs.map((m, round) => ({ m, baseline: averageOf(baselines[round]!, baselines[round + 1]!) }));
          const ratios = paired.map(({ m, baseline }) => m.requestsPerSecond / baseline.requestsPerSecond);
          const median = [...paired].sort((a, b) => a.m.requestsPerSecond / a.baseline.requestsPerSecond - b.m.requestsPerSecond / b.baseline.requestsPerSecond)[
            Math.floor(paired.length / 2)
          ]!;
          const m = { ...median.m, maxRssMb: Math.max(...runs.map((run) => run.maxRssMb)) };
          raw[`${label} ${scenario.name}`] = { ...m, baselineRequestsPerSecond: median.baseline.requestsPerSecond, roundRatios: ratios };
          rows.push({ label, scenario: scenario.name, m, baseline: median.baseline, ratios });
          process.stdout.write(
            `${label} ${scenario.name}: ${m.requestsPerSecond.toFixed(0)} req/s (hello-world ${median.baseline.requestsPerSecond.toFixed(0)}), p99 ${m.p99} ms; round ratios ${ratios.map((r) => r.toFixed(3)).join(' ')}\n`,
          );
        };
        const forum = await startForum(target);
        try {
          const scenarios = [...forumScenarios(forum.url, fixtures), writeMixScenario(forum.url, fixtures)].filter((s) => s.name.includes(values.only));
          for (const scenario of scenarios) await measurePaired(scenario, forum.pid);
        } finally {
          await forum.stop();
        }
        const readsOnly = viewerReadsScenario('', fixtures);
        if (readsOnly.name.includes(values.only)) {
          const reads = await startViewerReads(target, fixtures);
          try {
            await measurePaired({ ...readsOnly, url: reads.url }, reads.pid);
          } finally {
            await reads.stop();
          }
        }
      } finally {
        await hello.stop();
      }
    }
  }
  const table = formatTable(rows, { duration, connections, rounds });
  const outDir = path.join(root, 'test/bench/results');
  await mkdir(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await writeFile(path.join(outDir, `${stamp}.json`), JSON.stringify({ duration, connections, rounds, results: raw }, null, 2));
  await writeFile(path.join(outDir, 'latest.md'), table);
  console.log(`\n${table}`);
}

function formatSize(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}

await main();
