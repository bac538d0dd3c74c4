import type { PageCache } from '../http/middleware/page-cache.ts';

const MAX_KEYS_PER_MEMBER = 64;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

/**
 * What a signed-in member's own pages read about them (header counts, their watch level on a thread,
 * their likes on a page), kept in memory for a few seconds so that one member's burst of page views
 * does not repeat the same reads. Entries live under the member's id: one member's can never answer
 * another's.
 *
 * Freshness is the shared reads' (core/cache/shared-reads.ts): everything is dropped on every
 * successful write through any instance and on every live event. A GET that changes a member's own
 * state (opening a conversation marks it read) calls `forget(userId)`; `ttlMs` bounds what jobs change.
 */
export class ViewerReads {
  private members = new Map<number, Map<string, Entry>>();
  private generation = 0;

  constructor(private readonly options: { ttlMs: number; maxMembers: number }) {}

  get<V>(userId: number, key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    let entries = this.members.get(userId);
    const hit = entries?.get(key);
    if (hit && now - hit.at <= this.options.ttlMs) return hit.value as Promise<V>;
    if (!entries) {
      this.evict(now);
      entries = new Map();
      this.members.set(userId, entries);
    }
    const generation = this.generation;
    const value = load();
    const entry = { at: now, value };
    entries.delete(key);
    entries.set(key, entry);
    // a member's keys are in the order they were loaded: the oldest go first
    for (const oldKey of entries.keys()) {
      if (entries.size <= MAX_KEYS_PER_MEMBER) break;
      entries.delete(oldKey);
    }
    const drop = () => {
      if (this.members.get(userId)?.get(key) === entry) this.members.get(userId)!.delete(key);
    };
    value.then(() => {
      // a write finished while this loaded: what it read may predate the write
      if (generation !== this.generation) drop();
    }, drop);
    return value;
  }

  /** One member's entries, after a request changed their state without a write that clears everything. */
  forget(userId: number): void {
    this.generation++;
    this.members.delete(userId);
  }

  clear(): void {
    this.generation++;
    this.members.clear();
  }

  get memberCount(): number {
    return this.members.size;
  }

  /** Members are kept in the order they first came: the longest-held go first when there are too many. */
  private evict(now: number): void {
    for (const [userId, entries] of this.members) {
      if (this.members.size < this.options.maxMembers && !allExpired(entries, now, this.options.ttlMs)) break;
      this.members.delete(userId);
    }
  }
}

function allExpired(entries: Map<string, Entry>, now: number, ttlMs: number): boolean {
  for (const entry of entries.values()) if (now - entry.at <= ttlMs) return false;
  return true;
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
