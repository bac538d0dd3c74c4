import { asc, count, gt, inArray, lt, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import type { Db } from '../db/index.ts';
import { posts, threads } from '../forum/schema.ts';
import type { Logger } from '../logger.ts';
import { builtinSearch } from './builtin-engine.ts';
import { CORE_TYPES } from './documents.ts';
import { applyOutbox, syncExternal } from './indexer.ts';
import { MeiliEngine } from './meili/engine.ts';
import { facetAttribute } from './meili/filters.ts';
import { searchTypeRegistry, type RegisteredSearchType } from './plugin-types.ts';
import type { SearchQuery, SearchResult, SearchScope } from './query.ts';
import { resolveRefs } from './resolve.ts';
import { searchDocuments, searchEnginePending, searchOutbox } from './schema.ts';
import { deleteDocs, markPending, writeDocs } from './store.ts';

export interface SearchServiceOptions {
  db: Db;
  logger: Logger;
  /** The plugin host whose plugins declared search types. */
  host: object;
  meiliUrl?: string;
  meiliKey?: string;
  meiliIndex?: string;
  /** How often the worker looks at the outbox (ms). */
  pollMs?: number;
}

export interface SearchStatus {
  engine: 'builtin' | 'meilisearch';
  /** Meilisearch configured but failing: searches use the built-in engine. */
  degraded: boolean;
  lastError: string | null;
  documents: Record<string, number>;
  engineDocuments: number | null;
  /** Outbox entries not yet in the built-in index. */
  outbox: number;
  /** Documents Meilisearch has not confirmed yet. */
  enginePending: number;
  /** Age of the oldest unapplied change, in seconds. */
  lagSeconds: number;
}

export interface ReindexProgress {
  done: number;
  total: number;
}

/** After a failure, searches skip Meilisearch for this long before trying it again. */
const RETRY_AFTER_MS = 15_000;

/**
 * The one search interface: answers queries with Meilisearch when configured and healthy, with the
 * built-in engine otherwise, and runs the index worker (outbox → built-in index → Meilisearch).
 */
export class SearchService {
  readonly db: Db;
  readonly meili: MeiliEngine | null;
  private readonly logger: Logger;
  private readonly host: object;
  private failedAt = 0;
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private settingsApplied = false;
  private readonly pollMs: number;

  constructor(options: SearchServiceOptions) {
    this.db = options.db;
    this.logger = options.logger;
    this.host = options.host;
    this.pollMs = options.pollMs ?? 1000;
    this.meili = options.meiliUrl
      ? new MeiliEngine({ url: options.meiliUrl, apiKey: options.meiliKey, index: options.meiliIndex, facetAttributes: this.facetAttributes() })
      : null;
  }

  get engineName(): 'builtin' | 'meilisearch' {
    return this.meili ? 'meilisearch' : 'builtin';
  }

  get degraded(): boolean {
    return this.meili !== null && this.failedAt > 0;
  }

  /** Plugin search types of this forum. */
  pluginTypes(): RegisteredSearchType[] {
    return [...searchTypeRegistry(this.host).values()];
  }

  private facetAttributes(): string[] {
    return [...new Set(this.pluginTypes().flatMap((t) => (t.facets ?? []).map((f) => facetAttribute(f.key))))];
  }

  private fail(error: unknown): void {
    if (!this.failedAt) this.logger.warn({ err: error }, 'search engine unavailable: using the built-in engine');
    this.failedAt = Date.now();
    this.lastError = error instanceof Error ? error.message : String(error);
  }

  private recovered(): void {
    if (this.failedAt) this.logger.info('search engine available again');
    this.failedAt = 0;
    this.lastError = null;
  }

  async search(query: SearchQuery, scope: SearchScope): Promise<SearchResult> {
    const started = performance.now();
    const base = { page: query.page, pageSize: query.pageSize };
    if (this.meili && (!this.failedAt || Date.now() - this.failedAt > RETRY_AFTER_MS)) {
      try {
        await this.ensureSettings();
        const result = await this.meili.search(query, scope);
        this.recovered();
        return { ...base, ...result, engine: 'meilisearch', degraded: false, tookMs: performance.now() - started };
      } catch (error) {
        this.fail(error);
      }
    }
    const result = await builtinSearch(this.db, query, scope);
    return { ...base, ...result, engine: 'builtin', degraded: this.degraded, tookMs: performance.now() - started };
  }

  private async ensureSettings(): Promise<void> {
    if (!this.meili || this.settingsApplied) return;
    await this.meili.applySettings();
    this.settingsApplied = true;
  }

  /** Applies every queued change now: to the built-in index, then (best effort) to Meilisearch. */
  async drain(): Promise<{ applied: number; sent: number }> {
    let applied = 0;
    for (let n = -1; n !== 0; applied += n) n = await applyOutbox(this.db, { external: this.meili !== null });
    let sent = 0;
    try {
      if (this.meili) await this.ensureSettings();
      for (let n = -1; n !== 0; sent += n) n = await syncExternal(this.db, this.meili);
      if (this.meili) this.recovered();
    } catch (error) {
      this.fail(error);
    }
    return { applied, sent };
  }

  /** Starts the background worker (the server process); settings are applied to Meilisearch first. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.running ??= this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, 'search indexing failed'))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.pollMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async status(): Promise<SearchStatus> {
    const docs = await this.db
      .select({ type: searchDocuments.type, n: count() })
      .from(searchDocuments)
      .where(sql`not ${searchDocuments.hidden}`)
      .groupBy(searchDocuments.type);
    const [outbox] = await this.db
      .select({ n: count(), oldest: sql<Date | null>`min(${searchOutbox.enqueuedAt})`.mapWith((v) => (v ? new Date(v) : null)) })
      .from(searchOutbox);
    const [pending] = this.meili
      ? await this.db
          .select({ n: count(), oldest: sql<Date | null>`min(${searchEnginePending.queuedAt})`.mapWith((v) => (v ? new Date(v) : null)) })
          .from(searchEnginePending)
      : [{ n: 0, oldest: null }];
    let engineDocuments: number | null = null;
    if (this.meili) {
      try {
        engineDocuments = await this.meili.count();
        if (pending!.n === 0) this.recovered();
      } catch (error) {
        this.fail(error);
      }
    }
    const oldest = [outbox?.oldest, pending?.oldest].filter((d): d is Date => !!d).sort((a, b) => +a - +b)[0];
    return {
      engine: this.engineName,
      degraded: this.degraded,
      lastError: this.lastError,
      documents: Object.fromEntries(docs.map((d) => [d.type, d.n])),
      engineDocuments,
      outbox: outbox?.n ?? 0,
      enginePending: pending?.n ?? 0,
      lagSeconds: oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : 0,
    };
  }

  /**
   * Rebuilds the index from the database: every thread, reply and member in id order (keyset pages),
   * then drops core documents the rebuild did not write. Plugin documents are kept (plugins own them)
   * and, with Meilisearch, everything is sent again.
   */
  async reindex(onProgress?: (progress: ReindexProgress) => void): Promise<ReindexProgress> {
    const started = new Date();
    const startedMs = Date.now();
    const [t] = await this.db.select({ n: count() }).from(threads);
    const [p] = await this.db.select({ n: count() }).from(posts);
    const [u] = await this.db.select({ n: count() }).from(users);
    const progress = { done: 0, total: (t?.n ?? 0) + (p?.n ?? 0) + (u?.n ?? 0) };
    onProgress?.(progress);
    const pages = [
      { table: threads, id: threads.id, kind: 'threads' as const },
      { table: posts, id: posts.id, kind: 'posts' as const },
      { table: users, id: users.id, kind: 'members' as const },
    ];
    for (const page of pages) {
      let after = 0;
      for (;;) {
        const rows = await this.db.select({ id: page.id }).from(page.table).where(gt(page.id, after)).orderBy(asc(page.id)).limit(500);
        if (!rows.length) break;
        after = rows[rows.length - 1]!.id;
        const refs = { threads: new Set<number>(), posts: new Set<number>(), members: new Set<number>() };
        for (const r of rows) refs[page.kind].add(r.id);
        await this.db.transaction(async (tx) => {
          const resolved = await resolveRefs(tx, refs, { followReplies: false });
          const written = new Set(await writeDocs(tx, resolved.upserts));
          await deleteDocs(tx, resolved.deletes.filter((id) => !written.has(id)));
        });
        progress.done += rows.length;
        onProgress?.(progress);
      }
    }
    await this.db
      .delete(searchDocuments)
      .where(sql`${inArray(searchDocuments.type, [...CORE_TYPES])} and ${lt(searchDocuments.indexedAt, started)}`);
    if (this.meili) {
      await this.ensureSettings();
      let after = '';
      for (;;) {
        const rows = await this.db
          .select({ docId: searchDocuments.docId })
          .from(searchDocuments)
          .where(gt(searchDocuments.docId, after))
          .orderBy(asc(searchDocuments.docId))
          .limit(1000);
        if (!rows.length) break;
        after = rows[rows.length - 1]!.docId;
        await markPending(this.db, rows.map((r) => r.docId));
      }
      for (let n = -1; n !== 0; ) n = await syncExternal(this.db, this.meili, 1000);
      await this.meili.removeOlderThan(startedMs);
    }
    return progress;
  }
}

/** One search service per forum instance (keyed by its dependencies object). */
const services = new WeakMap<object, SearchService>();

export function registerSearchService(owner: object, service: SearchService): SearchService {
  services.set(owner, service);
  return service;
}

export function searchServiceOf(owner: object): SearchService {
  const service = services.get(owner);
  if (!service) throw new Error('Search is not set up for this forum (registerSearch)');
  return service;
}

