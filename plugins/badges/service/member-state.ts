import { eq, sql } from 'drizzle-orm';
import { prepared } from '../../../core/plugins/api.ts';
import { badgesMembers } from '../schema.ts';
import type { CheckinState } from '../views/checkin-card.tsx';
import { currentStreak } from './checkin.ts';
import { localDay } from './days.ts';
import { loadFlair } from './member-info.ts';
import type { DbOrTx } from './tx.ts';

/** Everything the check-in card shows for a member on a given instant. */
export async function checkinState(db: DbOrTx, userId: number, now: Date, timeZone: string): Promise<CheckinState> {
  const today = localDay(now, timeZone);
  const totalsQuery = prepared(db, 'badges.checkinTotals', (d) =>
    d
      .select({ streak: badgesMembers.streak, longestStreak: badgesMembers.longestStreak, lastCheckinDay: badgesMembers.lastCheckinDay })
      .from(badgesMembers)
      .where(eq(badgesMembers.userId, sql.placeholder('userId')))
      .prepare('badges_checkin_totals'),
  );
  const [[totals], flair] = await Promise.all([totalsQuery.execute({ userId }), loadFlair(db, [userId])]);
  return {
    checkedInToday: totals?.lastCheckinDay === today,
    streak: currentStreak(totals, today),
    longestStreak: totals?.longestStreak ?? 0,
    flair: flair.get(userId),
  };
}
