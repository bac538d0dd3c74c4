import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { users, type User } from '../accounts/schema.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { UserError } from '../http/errors.tsx';
import { parseOrThrow } from '../http/validation.ts';
import { logModerationAction } from '../moderation/service/log.ts';
import { computeTrustLevel } from './compute.ts';
import { trustLevelChanges, type TrustChangeReason } from './schema.ts';
import { trustSettings, type TrustLevel } from './settings.ts';
import { trustStatsFor, type MemberTrustRow } from './stats.ts';

const BATCH = 500;

/** What the recompute would set: a level staff locked stays. */
export function targetLevel(row: MemberTrustRow, computed: TrustLevel): number {
  if (row.trustLevelLocked) return row.trustLevel;
  return computed;
}

async function applyLevels(db: Db, rows: MemberTrustRow[]): Promise<{ promoted: number; demoted: number }> {
  const settings = await trustSettings(db);
  let promoted = 0;
  let demoted = 0;
  for (const row of rows) {
    const next = targetLevel(row, computeTrustLevel(row.stats, settings.thresholds));
    if (next === row.trustLevel) continue;
    const reason: TrustChangeReason = next > row.trustLevel ? 'promoted' : 'demoted';
    await db.transaction(async (tx) => {
      // the guard makes a concurrent manual change win over this automatic one
      const [changed] = await tx
        .update(users)
        .set({ trustLevel: next })
        .where(and(eq(users.id, row.id), eq(users.trustLevel, row.trustLevel), eq(users.trustLevelLocked, false)))
        .returning({ id: users.id });
      if (!changed) return;
      await tx.insert(trustLevelChanges).values({ userId: row.id, fromLevel: row.trustLevel, toLevel: next, reason });
    });
    if (reason === 'promoted') promoted++;
    else demoted++;
  }
  return { promoted, demoted };
}

/** Recomputes one member's level now (after a sanction, from the member page, in tests). */
export async function recomputeTrustLevel(db: Db, userId: number): Promise<number> {
  const rows = await trustStatsFor(db, [userId]);
  if (rows.length === 0) throw new UserError(404, 'error.404.body');
  await applyLevels(db, rows);
  const [user] = await db.select({ trustLevel: users.trustLevel }).from(users).where(eq(users.id, userId));
  return user!.trustLevel;
}

/** Recomputes every member, in keyset batches: what the scheduled job runs. */
export async function recomputeAllTrustLevels(db: Db): Promise<{ members: number; promoted: number; demoted: number }> {
  let after = 0;
  const total = { members: 0, promoted: 0, demoted: 0 };
  for (;;) {
    const ids = await db.select({ id: users.id }).from(users).where(gt(users.id, after)).orderBy(asc(users.id)).limit(BATCH);
    if (ids.length === 0) return total;
    const result = await applyLevels(db, await trustStatsFor(db, ids.map((r) => r.id)));
    total.members += ids.length;
    total.promoted += result.promoted;
    total.demoted += result.demoted;
    after = ids.at(-1)!.id;
  }
}

export const manualTrustSchema = z.object({
  level: z.coerce.number({ error: 'trust.settings.level' }).int('trust.settings.level').min(0, 'trust.settings.level').max(4, 'trust.settings.level'),
  locked: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  note: z.string().trim().max(500, 'validation.tooLong').default(''),
});

/** Staff set a level by hand; locked, the recompute leaves it alone (unlocked, the next run may change it). */
export async function setTrustLevel(db: Db, actor: User, userId: number, input: z.input<typeof manualTrustSchema>): Promise<void> {
  if (actor.role !== 'admin' && actor.role !== 'moderator') throw new UserError(403, 'error.403.body');
  const data = parseOrThrow(manualTrustSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new UserError(404, 'error.404.body');
    if (before.trustLevel === data.level && before.trustLevelLocked === data.locked) return;
    await tx.update(users).set({ trustLevel: data.level, trustLevelLocked: data.locked }).where(eq(users.id, userId));
    const reason: TrustChangeReason =
      before.trustLevel !== data.level ? 'manual' : data.locked ? 'locked' : 'unlocked';
    await tx.insert(trustLevelChanges).values({
      userId,
      fromLevel: before.trustLevel,
      toLevel: data.level,
      reason,
      actorId: actor.id,
      note: data.note || null,
    });
    await logModerationAction(tx, {
      actorId: actor.id,
      action: 'trust.change',
      targetType: 'user',
      targetId: userId,
      targetUserId: userId,
      reason: data.note,
      before: { trustLevel: before.trustLevel, locked: before.trustLevelLocked },
      after: { trustLevel: data.level, locked: data.locked },
    });
  });
}

export async function trustHistory(db: DbOrTx, userId: number, limit = 20) {
  return db
    .select()
    .from(trustLevelChanges)
    .where(eq(trustLevelChanges.userId, userId))
    .orderBy(desc(trustLevelChanges.createdAt), desc(trustLevelChanges.id))
    .limit(limit);
}

/** Members by id with their current level: for lists that show levels. */
export async function trustLevelsOf(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, level: users.trustLevel }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.level]));
}
