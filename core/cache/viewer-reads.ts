import type { PageCache } from '../http/middleware/page-cache.ts';
import { SharedReads } from './shared-reads.ts';

const MAX_KEYS_PER_MEMBER = 64;

/**
 * What a signed-in member's own pages read about them (header counts, their watch level on a thread,
 * their likes on a page), kept in memory for a few seconds so that one member's burst of page views
 * does not repeat the same reads. Each member has a store of their own: one member's entries can never
 * answer another's.
 *
 * Each store is a SharedReads (core/cache/shared-reads.ts), with its freshness: everything is dropped on
 * every successful write through any instance and on every live event; a member's new notification drops
 * their store alone (core/bootstrap.ts). A GET that changes a member's
 * own state (opening a conversation marks it read) calls `forget(userId)`; `ttlMs` bounds what jobs
 * change. A load still under way when its store is dropped lands in a store nobody holds.
 */
export class ViewerReads {
  private members = new Map<number, SharedReads<unknown>>();

  constructor(private readonly options: { ttlMs: number; maxMembers: number }) {}

  get<V>(userId: number, key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    return this.storeOf(userId).get(key, load, now) as Promise<V>;
  }

  /** As `get`, answering at once with what just expired while it loads again (see SharedReads.getOrPrevious). */
  getOrPrevious<V>(userId: number, key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    return this.storeOf(userId).getOrPrevious(key, load, now) as Promise<V>;
  }

  private storeOf(userId: number): SharedReads<unknown> {
    let store = this.members.get(userId);
    if (!store) {
      // members are kept in the order they first came: the longest-held go first when there are too many
      for (const oldest of this.members.keys()) {
        if (this.members.size < this.options.maxMembers) break;
        this.members.delete(oldest);
      }
      store = new SharedReads<unknown>({ ttlMs: this.options.ttlMs, maxEntries: MAX_KEYS_PER_MEMBER });
      this.members.set(userId, store);
    }
    return store;
  }

  /** A member's read, if it is held, fresh and loaded (see SharedReads.peekNow). */
  peekNow<V>(userId: number, key: string, now = Date.now()): { value: V } | undefined {
    return this.members.get(userId)?.peekNow(key, now) as { value: V } | undefined;
  }

  /** One member's entries, after a request changed their state without a write that clears everything. */
  forget(userId: number): void {
    this.members.delete(userId);
  }

  clear(): void {
    this.members.clear();
  }

  get memberCount(): number {
    return this.members.size;
  }
}

const registry = new WeakMap<PageCache, ViewerReads>();

/** The forum's per-member reads: made on first use, cleared whenever the page cache is. */
export function viewerReadsFor(deps: { pageCache: PageCache; config: { PAGE_CACHE_MS: number } }): ViewerReads {
  let reads = registry.get(deps.pageCache);
  if (!reads) {
    const created = new ViewerReads({ ttlMs: deps.config.PAGE_CACHE_MS, maxMembers: 20_000 });
    deps.pageCache.onInvalidate(() => created.clear());
    registry.set(deps.pageCache, created);
    reads = created;
  }
  return reads;
}
