/**
 * One small value every request reads (the site's settings, the rules in force), kept in memory for
 * `ttlMs` and read again behind the answer: once it is older than that, the first caller starts one
 * read and every caller is answered with the value held until it lands, for at most one more `ttlMs`.
 * Without it, each request that found the value expired read it again itself, at the moment the other
 * caches expired too: the database's busiest moment, and every page waited for it.
 *
 * `clear()` (a change made in this process) drops the value at once: the next caller waits for a fresh
 * read, and a read begun before the clear is not kept. The value is read from the source its latest
 * caller gave (the process's database).
 */
export class KeptValue<V, Source> {
  private held: { at: number; value: V } | undefined;
  private loading: Promise<V> | undefined;
  private source: Source | undefined;
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly read: (source: Source) => Promise<V>,
  ) {}

  get(source: Source, now = Date.now()): Promise<V> {
    this.source = source;
    const usable = this.usable(now);
    return usable ? Promise.resolve(usable.value) : this.refresh(source, now);
  }

  /** The value if it can answer now (fresh, or being read again), without waiting; else undefined. */
  ifHeld(now = Date.now()): { value: V } | undefined {
    return this.usable(now);
  }

  clear(): void {
    this.generation++;
    this.held = undefined;
    this.loading = undefined;
  }

  private usable(now: number): { value: V } | undefined {
    const held = this.held;
    if (!held || now - held.at >= 2 * this.ttlMs) return undefined;
    if (now - held.at >= this.ttlMs && this.source !== undefined) void this.refresh(this.source, now);
    return { value: held.value };
  }

  /** `now`: when the read begins; what it returns is held as of then. */
  private refresh(source: Source, now: number): Promise<V> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const startedAt = now;
    const loading = this.read(source);
    this.loading = loading;
    loading.then(
      (value) => {
        if (generation !== this.generation) return;
        this.held = { at: startedAt, value };
        this.loading = undefined;
      },
      () => {
        if (generation === this.generation) this.loading = undefined;
      },
    );
    return loading;
  }
}
