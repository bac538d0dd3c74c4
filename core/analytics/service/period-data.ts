import { between, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { analyticsDaily, analyticsDailyCategories, analyticsDailyHours } from '../schema.ts';
import type { Period } from '../ranges.ts';
import { computeDay, type CategoryFigures, type DayComputation, type DayFigures } from './compute-day.ts';
import { remember, type MemoStore } from './memo.ts';

/** The days of a period: stored roll-ups, plus today computed live (partial) when the period reaches it. */
export interface PeriodDays {
  days: DayFigures[];
  /** Today's figures are live and partial. */
  partialToday: boolean;
  /** Past days with no roll-up yet (run `npx forum analytics rebuild`). */
  missing: number;
  categories: (CategoryFigures & { day: string })[];
  hours: { day: string; hour: number; actions: number }[];
}

const LIVE_TTL_MS = 60_000;

/** Today's figures are recomputed at most once a minute per dashboard, whoever opens it. */
export function liveDay(database: Database, day: string, timeZone: string, store?: MemoStore): Promise<DayComputation> {
  return remember(store, `live|${day}|${timeZone}`, LIVE_TTL_MS)('day', () => computeDay(database, day, timeZone));
}

export async function loadPeriod(database: Database, period: Period, timeZone: string, today: string, store?: MemoStore): Promise<PeriodDays> {
  const last = period.to < today ? period.to : today;
  if (period.from > last) return { days: [], partialToday: false, missing: 0, categories: [], hours: [] };
  const storedTo = period.to < today ? period.to : prior(today);
  const [stored, categories, hours] = await Promise.all([
    database.db.select().from(analyticsDaily).where(between(analyticsDaily.day, period.from, storedTo)).orderBy(analyticsDaily.day),
    database.db.select().from(analyticsDailyCategories).where(between(analyticsDailyCategories.day, period.from, storedTo)),
    database.db.select().from(analyticsDailyHours).where(between(analyticsDailyHours.day, period.from, storedTo)),
  ]);
  const days: DayFigures[] = stored.map(({ computedAt: _computedAt, ...figures }) => figures);
  const expected = storedTo >= period.from ? dayCount(period.from, storedTo) : 0;
  const result: PeriodDays = {
    days,
    partialToday: false,
    missing: expected - days.length,
    categories: categories.map((c) => ({ ...c })),
    hours: hours.map((h) => ({ ...h })),
  };
  if (period.to >= today && period.from <= today) {
    const live = await liveDay(database, today, timeZone, store);
    result.days.push(live.figures);
    result.categories.push(...live.categories.map((c) => ({ ...c, day: today })));
    result.hours.push(...live.hours.map((h) => ({ ...h, day: today })));
    result.partialToday = true;
  }
  return result;
}

function prior(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface ActiveCounts {
  /** Distinct members active in the period. */
  active: number;
  /** Of those active in the period before, how many were not active in this one. */
  churned: number;
  previousActive: number;
}

/**
 * Distinct active members and churn for a period and for the period before it, from one scan of the three
 * consecutive periods (before previous, previous, current) — the one live query over activity that
 * cannot be pre-aggregated for arbitrary ranges.
 */
export async function activeAndChurn(
  database: Database,
  current: Period,
  previous: Period,
  beforePrevious: Period,
): Promise<{ current: ActiveCounts; previous: ActiveCounts }> {
  const [row] = await database.rows<Record<string, string>>(sql`
    select count(*) filter (where cur) as cur, count(*) filter (where prev) as prev, count(*) filter (where before) as before,
           count(*) filter (where prev and not cur) as churned_now, count(*) filter (where before and not prev) as churned_before
    from (
      select user_id, bool_or(day >= ${current.from}::date) as cur,
             bool_or(day between ${previous.from}::date and ${previous.to}::date) as prev,
             bool_or(day <= ${beforePrevious.to}::date) as before
      from member_active_days
      where day between ${beforePrevious.from}::date and ${current.to}::date
      group by user_id
    ) a`);
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    current: { active: n('cur'), previousActive: n('prev'), churned: n('churned_now') },
    previous: { active: n('prev'), previousActive: n('before'), churned: n('churned_before') },
  };
}
