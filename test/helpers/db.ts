import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../core/db/index.ts';
import { migrateCore } from '../../core/db/migrate.ts';
import { invalidateSiteSettings } from '../../core/site/settings.ts';
import { invalidateTrustSettings } from '../../core/trust/settings.ts';
import { forgetMarkedReads } from '../../core/watching/service/reads.ts';
import { forgetRecordedActivity } from '../../core/activity/index.ts';
import { forgetCachedLevels } from '../../plugins/badges/service/levels.ts';

/**
 * One database per test worker: in-memory PGlite by default, or a throw-away database on the
 * server named by DATABASE_URL (created here, so runs never collide). Test files reset it.
 */
let shared: Promise<Database> | undefined;

export function testDatabase(): Promise<Database> {
  shared ??= open();
  return shared;
}

async function open(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `${process.env.FORUM_TEST_RUN ?? 'forum_test'}_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const database = await openDatabase({ databaseUrl, dataDir: 'memory://', poolSize: 5 });
  await migrateCore(database);
  return database;
}

/** Empties every table (keeping the schema and migration history). */
export async function resetDatabase(database: Database): Promise<void> {
  const tables = await database.rows<{ name: string }>(sql`
    select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema', 'drizzle', 'pgboss')`);
  if (tables.length) {
    await database.db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`));
  }
  // the job queue keeps its schema; only queued work is forgotten
  await database.db.execute(sql`do $$ begin
    if to_regclass('pgboss.job') is not null then truncate pgboss.job, pgboss.schedule; end if;
  end $$`);
  invalidateSiteSettings();
  // a test that saved stricter trust levels would otherwise refuse the next file's members for 5 s
  invalidateTrustSettings();
  forgetMarkedReads(database.db);
  // per-database memory kept by the process, which a truncation under the same handle makes wrong
  forgetRecordedActivity(database.db);
  forgetCachedLevels(database.db);
}
