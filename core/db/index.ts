import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { clientForDrizzle } from './pglite-parsers.ts';

export { schema };
export type Schema = typeof schema;
/** The query builder every domain uses; the same type whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** The driver's own client (PGlite instance or postgres.js Sql), for libraries that need it. */
  client: unknown;
  /** The connection URL (PostgreSQL only), for libraries that open their own pool. */
  url?: string;
  /** Rows of a raw SQL statement, whichever driver is underneath. */
  rows<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Serialises work across every process sharing the database (no-op on the single-process PGlite). */
  withAdvisoryLock<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data folder; `memory://` for a throw-away in-memory database. */
  dataDir: string;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

/**
 * The embedded database's own page cache. PostgreSQL's default (128 MB) is allocated and touched when PGlite
 * starts, inside the server's memory: 130 MB of the forum's resident memory before the first request. Its
 * files are read through the operating system's cache anyway, which a small community's data fits in.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const options = { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] };
  let client;
  if (dataDir === 'memory://') {
    client = await PGlite.create(options);
  } else {
    const dir = path.resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir, options);
  }
  // drizzle's per-query parsers cost PGlite more than the query (core/db/pglite-parsers.ts)
  const db = drizzle(clientForDrizzle(client), { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    client,
    async rows<T>(query: ReturnType<typeof sql>) {
      const result = (await db.execute(query)) as unknown as { rows: T[] };
      return result.rows;
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      if (!client.closed) await client.close();
    },
    withAdvisoryLock: (_lockId, fn) => fn(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    // fail fast when the server is gone instead of hanging requests
    connect_timeout: 5,
    idle_timeout: 60,
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    client,
    url,
    async rows<T>(query: ReturnType<typeof sql>) {
      return (await db.execute(query)) as unknown as T[];
    },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
    async withAdvisoryLock(lockId, fn) {
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(${lockId})`;
        return await fn();
      } finally {
        await reserved`select pg_advisory_unlock(${lockId})`.catch(() => {});
        reserved.release();
      }
    },
  };
}
