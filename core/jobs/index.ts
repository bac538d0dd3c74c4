import PgBoss from 'pg-boss';
import { pgliteDefaultParsers } from '../db/pglite-parsers.ts';
import type { Database } from '../db/index.ts';
import type { Logger } from '../logger.ts';

export interface JobDefinition {
  name: string;
  handler: (data: object) => Promise<void>;
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface SendOptions {
  startAfter?: Date;
  /** At most one queued job with this key (pg-boss singleton). */
  singletonKey?: string;
}

/** Durable background jobs (pg-boss) on the forum's own database: PGlite or PostgreSQL. */
export interface JobQueue {
  define(definition: JobDefinition): void;
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Creates queues; with workers=true also processes jobs and runs schedules. */
  start(options: { workers: boolean; timeZone?: string }): Promise<void>;
  stop(): Promise<void>;
  /** Processes queued jobs of one queue now (tests, CLI). */
  drain(name: string): Promise<number>;
  readonly boss: PgBoss;
}

const QUEUE_SETUP_LOCK_ID = 726_351_002;

export interface JobQueueOptions {
  /** JOB_EXPIRE_SECONDS: an active job older than this lost its worker and is retried (default 900). */
  expireSeconds?: number;
}

export function createJobQueue(database: Database, logger: Logger, options: JobQueueOptions = {}): JobQueue {
  const expireInSeconds = options.expireSeconds ?? 900;
  // expired jobs are found by pg-boss's maintenance, which runs every two minutes by default: often
  // enough for the default expiry, not for a short one
  const timing = { expireInSeconds, maintenanceIntervalSeconds: Math.min(120, Math.max(1, Math.floor(expireInSeconds / 4))) };
  // PostgreSQL: pg-boss's own small pool (it sends multi-statement transactions, which postgres.js refuses).
  // PGlite: its SQL goes through the embedded client.
  const boss = new PgBoss(
    database.kind === 'postgres' && database.url
      ? { connectionString: database.url, schema: 'pgboss', max: 3, ...timing }
      : ({ schema: 'pgboss', db: pgliteAdapter(database), ...timing } as unknown as PgBoss.ConstructorOptions),
  );
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  const definitions = new Map<string, JobDefinition>();
  let started: Promise<void> | undefined;
  let workersRunning = false;
  const ensureStarted = () => {
    // instances starting together would deadlock creating the same queues (pg-boss partitions them):
    // one at a time, behind an advisory lock
    started ??= database.withAdvisoryLock(QUEUE_SETUP_LOCK_ID, async () => {
      await boss.start();
      for (const def of definitions.values()) await boss.createQueue(def.name);
    });
    return started;
  };

  async function run(def: JobDefinition, jobs: PgBoss.Job<object>[]): Promise<void> {
    for (const job of jobs) {
      try {
        await def.handler(job.data);
      } catch (error) {
        logger.error({ err: error, job: def.name, id: job.id }, 'job failed');
        throw error;
      }
    }
  }

  return {
    boss,
    define(definition) {
      if (definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
      definitions.set(definition.name, definition);
    },
    async send(name, data, options = {}) {
      await ensureStarted();
      return boss.send(name, data, {
        startAfter: options.startAfter,
        singletonKey: options.singletonKey,
        retryLimit: definitions.get(name)?.retryLimit ?? 5,
        retryDelay: definitions.get(name)?.retryDelaySeconds ?? 30,
        retryBackoff: true,
      });
    },
    async start({ workers, timeZone }) {
      await ensureStarted();
      if (!workers || workersRunning) return;
      workersRunning = true;
      for (const def of definitions.values()) {
        await boss.work(def.name, { pollingIntervalSeconds: 2 }, (jobs) => run(def, jobs as PgBoss.Job<object>[]));
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: timeZone ?? 'UTC' });
      }
    },
    async stop() {
      if (!started) return;
      await started.catch(() => {});
      started = undefined;
      workersRunning = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async drain(name) {
      const def = definitions.get(name);
      if (!def) throw new Error(`Unknown job ${name}`);
      await ensureStarted();
      let count = 0;
      let settled = false;
      for (;;) {
        const jobs = await boss.fetch<object>(name, { batchSize: 20 });
        if (!jobs || jobs.length === 0) {
          // a job queued in this very instant is due only once now() has moved past its start_after
          if (settled) return count;
          settled = true;
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        for (const job of jobs) {
          try {
            await def.handler(job.data);
            await boss.complete(name, job.id);
          } catch (error) {
            await boss.fail(name, job.id, { message: String(error) });
          }
          count++;
        }
      }
    },
  };
}

/** pg-boss talks to PGlite through the same client: multi-statement text goes through exec(). */
function pgliteAdapter(database: Database) {
  const client = database.client as {
    exec(sql: string, options?: { parsers?: object }): Promise<{ rows: unknown[] }[]>;
    query(sql: string, params?: unknown[], options?: { parsers?: object }): Promise<{ rows: unknown[] }>;
  };
  // pg-boss expects dates as Date objects: PGlite's own parsing, which the client otherwise leaves to drizzle
  const options = { parsers: pgliteDefaultParsers(client) };
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        const results = await client.exec(text, options);
        return results[results.length - 1] ?? { rows: [] };
      }
      return client.query(text, values, options);
    },
  };
}
