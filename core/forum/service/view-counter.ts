import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';

/**
 * Thread view counts, added up in memory and written in one statement every few seconds: a busy
 * thread page never queues a row update per view. Views of the last interval are lost on a crash.
 */
export class ViewCounter {
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DbOrTx,
    private readonly onError: (error: unknown) => void,
    private readonly flushMs = 2000,
  ) {}

  add(threadId: number): void {
    this.pending.set(threadId, (this.pending.get(threadId) ?? 0) + 1);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const ids = [...this.pending.keys()];
    const counts = ids.map((id) => this.pending.get(id)!);
    this.pending.clear();
    try {
      await this.db.execute(sql`
        update threads t set view_count = t.view_count + v.n
        from unnest(${`{${ids.join(',')}}`}::int[], ${`{${counts.join(',')}}`}::int[]) as v(id, n)
        where t.id = v.id`);
    } catch (error) {
      this.onError(error);
    }
  }
}

const threadPath = /^\/t\/(\d+)(?:\/|$)/;

/** The thread a page path shows, for views served without reaching the thread route (page cache). */
export function threadIdOfPath(path: string): number | null {
  const match = threadPath.exec(path);
  return match ? Number(match[1]) : null;
}
