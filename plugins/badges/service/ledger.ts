import { and, eq, gt, gte, isNull, sql } from 'drizzle-orm';
import { badgesLedger, badgesMembers, type LedgerEntry, type LedgerReason, type MemberTotals } from '../schema.ts';
import { levelFor, loadLevels } from './levels.ts';
import type { Tx } from './tx.ts';

export interface LedgerInput {
  userId: number;
  /** Positive to grant, negative to take. */
  points: number;
  reason: LedgerReason;
  sourceType?: string | null;
  sourceId?: number | null;
  actorId?: number | null;
  note?: string | null;
  reversesId?: number | null;
  /** Unique per effect: a retried hook or job with the same key records nothing. */
  key: string;
  /** The forum-zone calendar day it counts for. */
  day: string;
  /** Most points this reason may earn the member on `day`; 0 or absent means no cap. A grant is cut to what is left. */
  dailyCap?: number;
  /** Likes: the same actor may earn the member points at most this many times on `day`. */
  perActorPerDay?: number;
  /** Spending: record nothing unless the balance covers it (the balance never goes below zero this way). */
  coveredOnly?: boolean;
}

export interface Recorded {
  entry: LedgerEntry;
  totals: MemberTotals;
  /** Set when the member's level went up with this entry (effects run after commit). */
  levelUp: { level: number; badgeId: number | null } | null;
}

/** Spending and refunds move the balance but not lifetime points, so buying something never costs a level. */
const spendingReasons: ReadonlySet<LedgerReason> = new Set(['redemption', 'refund']);

/** Creates the member's totals row if needed and locks it: every ledger write for a member runs one at a time. */
export async function lockMember(tx: Tx, userId: number): Promise<MemberTotals> {
  await tx.insert(badgesMembers).values({ userId }).onConflictDoNothing();
  const [row] = await tx.select().from(badgesMembers).where(eq(badgesMembers.userId, userId)).for('update');
  return row!;
}

/**
 * Appends one entry and moves the member's totals in the same transaction. Returns null when nothing was
 * recorded: the key was used before, the daily cap is spent, or the per-actor limit is reached.
 */
export async function record(tx: Tx, input: LedgerInput): Promise<Recorded | null> {
  if (!Number.isInteger(input.points) || input.points === 0) return null;
  const before = await lockMember(tx, input.userId);
  const [seen] = await tx.select({ id: badgesLedger.id }).from(badgesLedger).where(eq(badgesLedger.idempotencyKey, input.key)).limit(1);
  if (seen) return null;

  let points = input.points;
  if (points < 0 && input.coveredOnly && before.balance < -points) return null;
  if (points > 0 && input.dailyCap && input.dailyCap > 0) {
    // reversals do not give the cap back: liking and unliking all day earns nothing
    const [row] = await tx
      .select({ sum: sql<number>`coalesce(sum(${badgesLedger.points}), 0)::int` })
      .from(badgesLedger)
      .where(and(eq(badgesLedger.userId, input.userId), eq(badgesLedger.reason, input.reason), eq(badgesLedger.day, input.day), gt(badgesLedger.points, 0), isNull(badgesLedger.reversesId)));
    points = Math.min(points, input.dailyCap - Number(row?.sum ?? 0));
    if (points <= 0) return null;
  }
  if (points > 0 && input.perActorPerDay !== undefined && input.actorId) {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(badgesLedger)
      .where(
        and(
          eq(badgesLedger.userId, input.userId),
          eq(badgesLedger.reason, input.reason),
          eq(badgesLedger.actorId, input.actorId),
          eq(badgesLedger.day, input.day),
          gt(badgesLedger.points, 0),
          isNull(badgesLedger.reversesId),
        ),
      );
    if (Number(row?.n ?? 0) >= input.perActorPerDay) return null;
  }

  const [entry] = await tx
    .insert(badgesLedger)
    .values({
      userId: input.userId,
      points,
      reason: input.reason,
      sourceType: input.sourceType ?? null,
      sourceId: input.sourceId ?? null,
      actorId: input.actorId ?? null,
      note: input.note ?? null,
      reversesId: input.reversesId ?? null,
      day: input.day,
      idempotencyKey: input.key,
    })
    .onConflictDoNothing()
    .returning();
  if (!entry) return null;

  const lifetimeDelta = spendingReasons.has(input.reason) ? 0 : points;
  const lifetime = before.lifetime + lifetimeDelta;
  const level = levelFor(await loadLevels(tx), lifetime);
  const [totals] = await tx
    .update(badgesMembers)
    .set({
      balance: sql`${badgesMembers.balance} + ${points}`,
      lifetime: sql`${badgesMembers.lifetime} + ${lifetimeDelta}`,
      level: level.level,
      updatedAt: new Date(),
    })
    .where(and(eq(badgesMembers.userId, input.userId), input.coveredOnly ? gte(badgesMembers.balance, -points) : undefined))
    .returning();
  // cannot happen while the row is locked; throwing rolls the entry back rather than overdrawing
  if (!totals) throw new Error(`badges: balance of member ${input.userId} does not cover ${-points}`);
  return { entry, totals: totals!, levelUp: level.level > before.level ? { level: level.level, badgeId: level.badgeId } : null };
}

/**
 * Undoes earlier entries (by their ids) with negative entries of the same reason. Each entry is reversed at
 * most once (unique reverses_id), so a repeated delete or unlike takes nothing twice.
 */
export async function reverse(tx: Tx, entries: readonly LedgerEntry[], day: string, note: string | null = null): Promise<Recorded[]> {
  const out: Recorded[] = [];
  for (const e of entries) {
    if (e.points <= 0 || e.reversesId !== null) continue;
    const done = await record(tx, {
      userId: e.userId,
      points: -e.points,
      reason: e.reason,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      actorId: e.actorId,
      reversesId: e.id,
      note,
      key: `reverse:${e.id}`,
      day,
    });
    if (done) out.push(done);
  }
  return out;
}
