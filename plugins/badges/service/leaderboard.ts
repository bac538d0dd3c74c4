import { and, desc, eq, gt, gte, inArray, notInArray, sql } from 'drizzle-orm';
import { users } from '../../../core/plugins/api.ts';
import { badgesLedger, badgesMembers } from '../schema.ts';
import { monthStart, weekStart } from './days.ts';
import type { DbOrTx } from './tx.ts';

export const periods = ['week', 'month', 'all'] as const;
export type Period = (typeof periods)[number];

export interface BoardRow {
  userId: number;
  username: string;
  displayName: string;
  value: number;
}

/** Spending is not a loss of merit: boards count earned points (and reversals), never redemptions. */
const notSpending = notInArray(badgesLedger.reason, ['redemption', 'refund']);

/** The first day a period covers, in the forum's calendar (`today` is the forum-zone day). */
export function periodStart(period: Period, today: string): string | null {
  if (period === 'week') return weekStart(today);
  if (period === 'month') return monthStart(today);
  return null;
}

async function withNames(db: DbOrTx, rows: { userId: number; value: number }[]): Promise<BoardRow[]> {
  if (!rows.length) return [];
  const names = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, status: users.status })
    .from(users)
    .where(inArray(users.id, rows.map((r) => r.userId)));
  const byId = new Map(names.map((n) => [n.id, n]));
  return rows.flatMap((r) => {
    const n = byId.get(r.userId);
    return n && n.status !== 'banned' ? [{ userId: r.userId, username: n.username, displayName: n.displayName, value: r.value }] : [];
  });
}

/** Most points earned in the week or month (forum time zone), or all time (lifetime totals, one index scan). */
export async function pointsBoard(db: DbOrTx, period: Period, today: string, limit = 20): Promise<BoardRow[]> {
  const since = periodStart(period, today);
  if (!since) {
    const rows = await db
      .select({ userId: badgesMembers.userId, value: badgesMembers.lifetime })
      .from(badgesMembers)
      .where(gt(badgesMembers.lifetime, 0))
      .orderBy(desc(badgesMembers.lifetime), badgesMembers.userId)
      .limit(limit);
    return withNames(db, rows);
  }
  const total = sql<number>`sum(${badgesLedger.points})::int`;
  const rows = await db
    .select({ userId: badgesLedger.userId, value: total })
    .from(badgesLedger)
    .where(and(gte(badgesLedger.day, since), notSpending))
    .groupBy(badgesLedger.userId)
    .having(sql`sum(${badgesLedger.points}) > 0`)
    .orderBy(desc(total), badgesLedger.userId)
    .limit(limit);
  return withNames(db, rows);
}

/** Accepted answers (net of un-accepts), from the ledger. */
export async function answerersBoard(db: DbOrTx, limit = 10): Promise<BoardRow[]> {
  const net = sql<number>`sum(sign(${badgesLedger.points}))::int`;
  const rows = await db
    .select({ userId: badgesLedger.userId, value: net })
    .from(badgesLedger)
    .where(eq(badgesLedger.reason, 'answer'))
    .groupBy(badgesLedger.userId)
    .having(sql`sum(sign(${badgesLedger.points})) > 0`)
    .orderBy(desc(net), badgesLedger.userId)
    .limit(limit);
  return withNames(db, rows);
}

/** Longest check-in streaks. */
export async function streaksBoard(db: DbOrTx, limit = 10): Promise<BoardRow[]> {
  const rows = await db
    .select({ userId: badgesMembers.userId, value: badgesMembers.longestStreak })
    .from(badgesMembers)
    .where(gt(badgesMembers.longestStreak, 0))
    .orderBy(desc(badgesMembers.longestStreak), badgesMembers.userId)
    .limit(limit);
  return withNames(db, rows);
}
