import { and, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../core/plugins/api.ts';
import { badgesCheckins } from '../schema.ts';
import { addDays } from './days.ts';

export interface CheckinStats {
  checkins: number;
  /** Distinct members who checked in during the range. */
  members: number;
}

/** Members by their check-in streak as it stands at the end of the range (a streak not continued by then is broken). */
export interface StreakDistribution {
  one: number;
  twoToSix: number;
  sevenToTwentyNine: number;
  thirtyPlus: number;
}

/** Check-ins on the calendar days from..to (forum time zone, as stored): one query on the day index. */
export async function checkinStats(db: Db, range: { from: string; to: string }): Promise<CheckinStats> {
  const [row] = await db
    .select({ checkins: sql<number>`count(*)::int`, members: sql<number>`count(distinct ${badgesCheckins.userId})::int` })
    .from(badgesCheckins)
    .where(and(gte(badgesCheckins.day, range.from), lte(badgesCheckins.day, range.to)));
  return { checkins: Number(row?.checkins ?? 0), members: Number(row?.members ?? 0) };
}

/** Check-ins per day from..to, every day present (0 when nobody checked in). */
export async function checkinsPerDay(db: Db, range: { from: string; to: string; days: readonly string[] }): Promise<{ day: string; value: number }[]> {
  const rows = await db
    .select({ day: badgesCheckins.day, value: sql<number>`count(*)::int` })
    .from(badgesCheckins)
    .where(and(gte(badgesCheckins.day, range.from), lte(badgesCheckins.day, range.to)))
    .groupBy(badgesCheckins.day);
  const byDay = new Map(rows.map((r) => [r.day, Number(r.value)]));
  return range.days.map((day) => ({ day, value: byDay.get(day) ?? 0 }));
}

/**
 * Current streaks at the end of `to`, the way the check-in card counts them: a streak is alive when its last
 * check-in is on `to` or the day before. Each check-in row carries the streak it reached, so only those two
 * days are read (the day index); a member with both takes the later, larger one.
 */
export async function streakDistribution(db: Db, range: { to: string }): Promise<StreakDistribution> {
  const current = db
    .select({ userId: badgesCheckins.userId, streak: sql<number>`max(${badgesCheckins.streak})`.as('streak') })
    .from(badgesCheckins)
    .where(and(gte(badgesCheckins.day, addDays(range.to, -1)), lte(badgesCheckins.day, range.to)))
    .groupBy(badgesCheckins.userId)
    .as('current');
  const [row] = await db
    .select({
      one: sql<number>`count(*) filter (where ${current.streak} = 1)::int`,
      twoToSix: sql<number>`count(*) filter (where ${current.streak} between 2 and 6)::int`,
      sevenToTwentyNine: sql<number>`count(*) filter (where ${current.streak} between 7 and 29)::int`,
      thirtyPlus: sql<number>`count(*) filter (where ${current.streak} >= 30)::int`,
    })
    .from(current);
  return {
    one: Number(row?.one ?? 0),
    twoToSix: Number(row?.twoToSix ?? 0),
    sevenToTwentyNine: Number(row?.sevenToTwentyNine ?? 0),
    thirtyPlus: Number(row?.thirtyPlus ?? 0),
  };
}
