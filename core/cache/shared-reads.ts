import type { PageCache } from '../http/middleware/page-cache.ts';

/**
 * Reads every viewer shares (a thread and the posts of one of its pages, with their authors), kept in
 * memory for a few seconds. Per-viewer facts (likes, watch level, permissions) are never stored here:
 * callers keep them apart and check permissions on every request against the shared rows.
 *
 * Freshness is the guests' page cache's: `clear()` runs on every successful write through this instance
 * and on every live event from any instance but a member's notification (core/bootstrap.ts); `ttlMs`
 * bounds what jobs change.
 * Concurrent misses for one key share a single load, and a load that began before a clear is not kept.
 *
 * While a key that expired (by age, not by a clear) loads again, what it held before is kept beside the
 * load for callers that would rather answer with it than wait (`peekPrevious`, `getOrPrevious`), for at
 * most one more `ttlMs`: the member lane's pages, which would otherwise all wait for one page's reads
 * and render each time its entries expire. Callers of `get` always wait for the load.
 */
export class SharedReads<V> {
  private entries = new Map<string, Entry<V>>();
  private generation = 0;

  constructor(private readonly options: { ttlMs: number; maxEntries: number }) {}

  get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && now - hit.at <= this.options.ttlMs) return hit.value;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const value = load();
    const previous = hit?.settled ? { value: hit.settled.value, at: hit.at } : hit?.previous;
    const entry: Entry<V> = { at: now, value, ...(previous && { previous }) };
    this.entries.set(key, entry);
    value.then(
      (loaded) => {
        entry.settled = { value: loaded };
        entry.previous = undefined;
        // a write finished while this loaded: what it read may predate the write
        if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      },
    );
    // entries are in the order they were loaded: expired ones are at the front
    for (const [oldKey, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && now - entry.at <= this.options.ttlMs) break;
      this.entries.delete(oldKey);
    }
    return value;
  }

  /** What is held for a key, if it is fresh (possibly still loading), without loading anything. */
  peek(key: string, now = Date.now()): Promise<V> | undefined {
    if (this.options.ttlMs <= 0) return undefined;
    const hit = this.entries.get(key);
    return hit && now - hit.at <= this.options.ttlMs ? hit.value : undefined;
  }

  /** What is held for a key, if it is fresh and has finished loading: for callers that answer without waiting. */
  peekNow(key: string, now = Date.now()): { value: V } | undefined {
    if (this.options.ttlMs <= 0) return undefined;
    const hit = this.entries.get(key);
    return hit && now - hit.at <= this.options.ttlMs ? hit.settled : undefined;
  }

  /** What a key held before it expired, while it loads again, if that is at most one more `ttlMs` old. */
  peekPrevious(key: string, now = Date.now()): { value: V } | undefined {
    const previous = this.entries.get(key)?.previous;
    return previous && now - previous.at <= 2 * this.options.ttlMs ? { value: previous.value } : undefined;
  }

  /**
   * As `get`, but a key that expired in the last `ttlMs` answers at once with what it held (when `usable`
   * accepts it), and loads again behind the answer.
   */
  getOrPrevious(key: string, load: () => Promise<V>, now = Date.now(), usable: (value: V) => boolean = () => true): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && now - hit.at > this.options.ttlMs && hit.settled && now - hit.at <= 2 * this.options.ttlMs && usable(hit.settled.value)) {
      void this.get(key, load, now);
      return Promise.resolve(hit.settled.value);
    }
    const previous = this.peekPrevious(key, now);
    return previous && usable(previous.value) ? Promise.resolve(previous.value) : this.get(key, load, now);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Drops one key; a load of it already under way is not kept either. */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

interface Entry<V> {
  at: number;
  value: Promise<V>;
  settled?: { value: V };
  /** What the key held before it expired, until this load settles. */
  previous?: { value: V; at: number };
}

const registry = new WeakMap<PageCache, Map<string, SharedReads<unknown>>>();

/**
 * The forum's store of one kind of shared read (thread pages, listings …): made on first use, with the
 * page cache's lifetime, and cleared whenever the page cache is.
 */
export function sharedReadsFor<V>(deps: { pageCache: PageCache; config: { PAGE_CACHE_MS: number } }, name: string, maxEntries: number): SharedReads<V> {
  let byName = registry.get(deps.pageCache);
  if (!byName) {
    byName = new Map();
    registry.set(deps.pageCache, byName);
  }
  let shared = byName.get(name) as SharedReads<V> | undefined;
  if (!shared) {
    const created = new SharedReads<V>({ ttlMs: deps.config.PAGE_CACHE_MS, maxEntries });
    deps.pageCache.onInvalidate(() => created.clear());
    byName.set(name, created as SharedReads<unknown>);
    shared = created;
  }
  return shared;
}
