import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import {
  analyticsCohortWeeks,
  analyticsDaily,
  analyticsDailyCategories,
  analyticsDailyHours,
  analyticsRetention,
} from '../schema.ts';
import { eachDay } from '../time.ts';
import { backfillActiveDays, computeDay } from './compute-day.ts';

/** Recomputes one day and replaces whatever was stored for it: running it twice changes nothing. */
export async function rollupDay(database: Database, day: string, timeZone: string): Promise<void> {
  await backfillActiveDays(database, day, timeZone);
  const { figures, categories, hours, retention, cohortWeeks } = await computeDay(database, day, timeZone);
  await database.db.transaction(async (tx) => {
    const computedAt = new Date();
    await tx
      .insert(analyticsDaily)
      .values({ ...figures, computedAt })
      .onConflictDoUpdate({ target: analyticsDaily.day, set: { ...figures, computedAt } });
    await tx.delete(analyticsDailyCategories).where(eq(analyticsDailyCategories.day, day));
    if (categories.length > 0) await tx.insert(analyticsDailyCategories).values(categories.map((c) => ({ ...c, day })));
    await tx.delete(analyticsDailyHours).where(eq(analyticsDailyHours.day, day));
    if (hours.length > 0) await tx.insert(analyticsDailyHours).values(hours.map((h) => ({ ...h, day })));
    for (const r of retention) {
      await tx
        .insert(analyticsRetention)
        .values(r)
        .onConflictDoUpdate({ target: [analyticsRetention.joinDay, analyticsRetention.n], set: { cohort: r.cohort, retained: r.retained } });
    }
    for (const w of cohortWeeks) {
      await tx
        .insert(analyticsCohortWeeks)
        .values(w)
        .onConflictDoUpdate({
          target: [analyticsCohortWeeks.cohortWeek, analyticsCohortWeeks.weekOffset],
          set: { cohort: w.cohort, active: w.active },
        });
    }
  });
}

/** Rolls up every day from..to in order (trailing figures read the days before). */
export async function rollupRange(
  database: Database,
  from: string,
  to: string,
  timeZone: string,
  onDay?: (day: string, done: number, total: number) => void,
): Promise<number> {
  const days = eachDay(from, to);
  for (const [i, day] of days.entries()) {
    await rollupDay(database, day, timeZone);
    onDay?.(day, i + 1, days.length);
  }
  return days.length;
}

/** The first day worth rolling up: the day the first member joined. */
export async function firstForumDay(database: Database, timeZone: string): Promise<string | null> {
  const [row] = await database.rows<{ day: string | null }>(
    sql`select to_char(min(created_at) at time zone ${timeZone}, 'YYYY-MM-DD') as day from users`,
  );
  return row?.day ?? null;
}

/** The days before `until` that have no roll-up yet (a missed night is caught up the next). */
export async function missingDays(database: Database, from: string, until: string): Promise<string[]> {
  const rows = await database.rows<{ day: string }>(sql`
    select to_char(d, 'YYYY-MM-DD') as day from generate_series(${from}::date, ${until}::date, interval '1 day') d
    where not exists (select 1 from analytics_daily a where a.day = d::date) order by d`);
  return rows.map((r) => r.day);
}
