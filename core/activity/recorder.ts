import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import { analyticsPageViews } from '../analytics/schema.ts';
import { dayOf, dayStart, isValidTimeZone } from '../analytics/time.ts';
import { memberActiveDays } from './schema.ts';

export type ViewKind = 'member' | 'guest';
const FLUSH_AFTER_MS = 5000;

/**
 * Records activity without slowing pages: an active day is written at most once per member per day
 * (remembered in memory; the insert ignores a row another instance already wrote), and page views are
 * counted in memory and added to one row per day and kind every few seconds.
 */
export class ActivityRecorder {
  private recordedDay = '';
  private recordedMembers = new Set<number>();
  private pendingViews = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Today in the forum's time zone, until the next midnight there (Intl formatting on every request is costly). */
  private today: { timeZone: string; day: string; until: number } = { timeZone: 'UTC', day: '', until: 0 };

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /** Fire-and-forget; resolves once the write (if any) is done, and never rejects. */
  recordActive(userId: number, day: string): Promise<void> {
    if (day !== this.recordedDay) {
      // yesterday's entries are useless from now on: the cache never outgrows one day's active members
      this.recordedDay = day;
      this.recordedMembers = new Set();
    }
    if (this.recordedMembers.has(userId)) return Promise.resolve();
    this.recordedMembers.add(userId);
    return this.db
      .insert(memberActiveDays)
      .values({ userId, day })
      .onConflictDoNothing()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.recordedMembers.delete(userId);
        this.logger.warn({ err: error, userId }, 'could not record an active day');
      });
  }

  forget(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingViews = new Map();
    this.recordedDay = '';
    this.recordedMembers = new Set();
  }

  /** The calendar day now in a time zone (an invalid zone counts as UTC). */
  dayIn(timeZone: string, now = Date.now()): string {
    const memo = this.today;
    if (memo.timeZone === timeZone && now < memo.until && memo.day) return memo.day;
    const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
    const day = dayOf(new Date(now), zone);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    this.today = { timeZone, day, until: dayStart(next, zone).getTime() };
    return day;
  }

  /** A page view counted where the time zone is not at hand (guests' cached pages): the last zone used. */
  countViewNow(kind: ViewKind): void {
    this.countView(this.dayIn(this.today.timeZone), kind);
  }

  countView(day: string, kind: ViewKind): void {
    const key = `${day}|${kind}`;
    this.pendingViews.set(key, (this.pendingViews.get(key) ?? 0) + 1);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
      this.timer.unref?.();
    }
  }

  /** Writes the counted views now (also used by tests and at shutdown). Never rejects. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pendingViews;
    this.pendingViews = new Map();
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  private async write(batch: Map<string, number>): Promise<void> {
    if (batch.size === 0) return;
    const rows = [...batch].map(([key, views]) => {
      const [day, kind] = key.split('|') as [string, ViewKind];
      return { day, kind, views };
    });
    try {
      await this.db
        .insert(analyticsPageViews)
        .values(rows)
        .onConflictDoUpdate({
          target: [analyticsPageViews.day, analyticsPageViews.kind],
          set: { views: sql`${analyticsPageViews.views} + excluded.views` },
        });
    } catch (error) {
      this.logger.warn({ err: error, rows: rows.length }, 'could not record page views');
    }
  }
}

const recorders = new WeakMap<Db, ActivityRecorder>();

/**
 * Tests that empty the database under the same handle make its recorder forget what it wrote (members
 * already marked active today) and drop views counted for the old data.
 */
export function forgetRecordedActivity(db: Db): void {
  recorders.get(db)?.forget();
}

/** One recorder per database handle (a process may host several forums in tests). */
export function activityRecorderFor(db: Db, logger: Logger): ActivityRecorder {
  let recorder = recorders.get(db);
  if (!recorder) {
    recorder = new ActivityRecorder(db, logger);
    recorders.set(db, recorder);
  }
  return recorder;
}
