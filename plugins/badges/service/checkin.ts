import { eq } from 'drizzle-orm';
import { badgesCheckins, badgesMembers, type MemberTotals } from '../schema.ts';
import { parseMilestones, type BadgesApi } from '../settings.ts';
import { checkBadgeRules } from './award.ts';
import { addDays, localDay } from './days.ts';
import { lockMember, record, type Recorded } from './ledger.ts';
import { afterRecorded } from './points.ts';

export type CheckinResult =
  | { status: 'checked-in'; day: string; streak: number; points: number; bonus: number; totals: MemberTotals }
  | { status: 'already'; day: string; totals: MemberTotals };

/** The streak as it stands on `today`: a streak whose last day is before yesterday is broken. */
export function currentStreak(totals: Pick<MemberTotals, 'streak' | 'lastCheckinDay'> | null | undefined, today: string): number {
  if (!totals?.lastCheckinDay) return 0;
  return totals.lastCheckinDay === today || totals.lastCheckinDay === addDays(today, -1) ? totals.streak : 0;
}

/**
 * Daily check-in (签到): once per member and calendar day in the forum's time zone. The (member, day) primary
 * key makes a double click or two tabs check in once; the member's totals row is locked while the streak moves.
 */
export async function checkIn(api: BadgesApi, userId: number, now: Date, timeZone: string): Promise<CheckinResult> {
  const day = localDay(now, timeZone);
  const settings = await api.settings();
  const done: Recorded[] = [];
  const result = await api.db.transaction(async (tx): Promise<CheckinResult> => {
    const before = await lockMember(tx, userId);
    const streak = before.lastCheckinDay === addDays(day, -1) ? before.streak + 1 : 1;
    const bonus = parseMilestones(settings.streakMilestones).get(streak) ?? 0;
    // a zone moved backwards can make "today" earlier than the last check-in: that day counts as taken
    if (before.lastCheckinDay && before.lastCheckinDay >= day) return { status: 'already', day, totals: before };
    const [inserted] = await tx
      .insert(badgesCheckins)
      .values({ userId, day, streak, points: settings.pointsCheckin + bonus })
      .onConflictDoNothing()
      .returning();
    if (!inserted) return { status: 'already', day, totals: before };
    await tx
      .update(badgesMembers)
      .set({ streak, longestStreak: Math.max(before.longestStreak, streak), lastCheckinDay: day, checkinCount: before.checkinCount + 1 })
      .where(eq(badgesMembers.userId, userId));
    const earned = await record(tx, { userId, points: settings.pointsCheckin, reason: 'checkin', sourceType: 'checkin', sourceId: null, key: `checkin:${userId}:${day}`, day, dailyCap: settings.capCheckin });
    if (earned) done.push(earned);
    if (bonus > 0) {
      const extra = await record(tx, { userId, points: bonus, reason: 'streak', sourceType: 'checkin', note: String(streak), key: `streak:${userId}:${day}`, day });
      if (extra) done.push(extra);
    }
    const [totals] = await tx.select().from(badgesMembers).where(eq(badgesMembers.userId, userId));
    return { status: 'checked-in', day, streak, points: settings.pointsCheckin, bonus, totals: totals! };
  });
  await afterRecorded(api, done);
  if (result.status === 'checked-in') await checkBadgeRules(api, userId, ['streak', 'anniversary'], now);
  return result;
}
