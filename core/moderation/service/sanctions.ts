import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { users, type User } from '../../accounts/schema.ts';
import { invalidateUserSessions } from '../../accounts/service/sessions.ts';
import type { Db } from '../../db/index.ts';
import { isStaffViewer } from '../../forum/permissions.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { notify } from '../../notifications/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';
import { moderationSanctions, sanctionKindEnum, type Sanction, type SanctionKind } from '../schema.ts';
import { deleteContentOf } from './delete-content.ts';
import { durationSchema, endOf } from './durations.ts';
import { logModerationAction } from './log.ts';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());

export const sanctionInputSchema = z.object({
  kind: z.enum(sanctionKindEnum.enumValues, { error: 'moderation.sanction.kind.invalid' }),
  reason: z.string().trim().min(1, 'moderation.sanction.reason.required').max(1000, 'moderation.sanction.reason.long'),
  duration: durationSchema.default('1d'),
  deleteContent: checkbox.default(false),
});

export type SanctionInput = z.input<typeof sanctionInputSchema>;

/** Staff sanction members; moderators cannot sanction staff, and nobody sanctions an admin or themselves. */
export function canSanction(actor: Pick<User, 'id' | 'role'>, target: Pick<User, 'id' | 'role'>): boolean {
  if (actor.id === target.id || target.role === 'admin') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'moderator' && target.role === 'member';
}

function standingOf(user: User) {
  return { status: user.status, statusUntil: user.statusUntil, silencedAt: user.silencedAt, silencedUntil: user.silencedUntil };
}

/**
 * Applies a warning, silence, suspension or ban. The member's row carries what the checks need (silence
 * columns, status and status_until), so expiry is a comparison with the clock and needs no job.
 */
export async function applySanction(
  deps: { db: Db; hooks: HookBus },
  input: { actor: User; target: User } & SanctionInput,
): Promise<Sanction> {
  const { db } = deps;
  const { actor, target } = input;
  if (!isStaffViewer(actor)) throw new UserError(403, 'error.403.body');
  if (!canSanction(actor, target)) throw new UserError(403, 'moderation.sanction.notAllowed');
  const data = parseOrThrow(sanctionInputSchema, input);
  const now = new Date();
  const endsAt = data.kind === 'warning' || data.kind === 'ban' ? null : endOf(data.duration, now);
  const before = standingOf(target);

  const sanction = await db.transaction(async (tx) => {
    const [sanction] = await tx
      .insert(moderationSanctions)
      .values({ userId: target.id, kind: data.kind, reason: data.reason, startsAt: now, endsAt, createdById: actor.id })
      .returning();
    let after = before;
    if (data.kind === 'silence') {
      const [row] = await tx.update(users).set({ silencedAt: now, silencedUntil: endsAt }).where(eq(users.id, target.id)).returning();
      after = standingOf(row!);
    } else if (data.kind === 'suspend' || data.kind === 'ban') {
      const status = data.kind === 'suspend' ? 'suspended' : 'banned';
      const [row] = await tx
        .update(users)
        .set({ status, statusReason: data.reason, statusUntil: endsAt })
        .where(eq(users.id, target.id))
        .returning();
      after = standingOf(row!);
      // signed out everywhere now, not at the next request only
      await invalidateUserSessions(tx, target.id);
    }
    await logModerationAction(tx, {
      actorId: actor.id,
      action: `user.${data.kind}`,
      targetType: 'user',
      targetId: target.id,
      targetUserId: target.id,
      reason: data.reason,
      before,
      after: { ...after, endsAt, deleteContent: data.kind === 'ban' ? data.deleteContent : undefined },
    });
    return sanction!;
  });
  if (data.kind === 'warning' || data.kind === 'silence') {
    await notify(db, {
      userId: target.id,
      type: data.kind === 'warning' ? 'moderationWarning' : 'moderationSilence',
      data: { reason: data.reason.slice(0, 200) },
      url: '/standing',
      actorId: actor.id,
      dedupeKey: `sanction:${sanction.id}`,
    });
  }
  if (data.kind === 'ban' && data.deleteContent) await deleteContentOf(deps, { actor, target });
  return sanction;
}

/** Ends a sanction early; the member's row is cleared only when no other sanction of that kind is in force. */
export async function liftSanction(db: Db, input: { actor: User; sanctionId: number; reason?: string }): Promise<Sanction> {
  const { actor } = input;
  if (!isStaffViewer(actor)) throw new UserError(403, 'error.403.body');
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(moderationSanctions).where(eq(moderationSanctions.id, input.sanctionId)).limit(1);
    if (!found || found.kind === 'warning') throw new UserError(404, 'error.404.body');
    const [target] = await tx.select().from(users).where(eq(users.id, found.userId)).limit(1);
    if (!target) throw new UserError(404, 'error.404.body');
    if (!canSanction(actor, target)) throw new UserError(403, 'moderation.sanction.notAllowed');
    const [lifted] = await tx
      .update(moderationSanctions)
      .set({ revokedAt: new Date(), revokedById: actor.id })
      .where(and(eq(moderationSanctions.id, found.id), isNull(moderationSanctions.revokedAt)))
      .returning();
    if (!lifted) return found;
    const before = standingOf(target);
    const [row] =
      found.kind === 'silence'
        ? await tx.update(users).set({ silencedAt: null, silencedUntil: null }).where(eq(users.id, target.id)).returning()
        : await tx.update(users).set({ status: 'active', statusReason: null, statusUntil: null }).where(eq(users.id, target.id)).returning();
    await logModerationAction(tx, {
      actorId: actor.id,
      action: `user.un${found.kind}`,
      targetType: 'user',
      targetId: target.id,
      targetUserId: target.id,
      reason: input.reason ?? '',
      before: { ...before, sanctionId: found.id },
      after: standingOf(row!),
    });
    return lifted;
  });
}

/** A member's sanctions, newest first (their /standing page and the staff view of a member). */
export async function sanctionsOf(db: Db, userId: number, limit = 50): Promise<Sanction[]> {
  return db
    .select()
    .from(moderationSanctions)
    .where(eq(moderationSanctions.userId, userId))
    .orderBy(desc(moderationSanctions.startsAt), desc(moderationSanctions.id))
    .limit(limit);
}

/** Whether a sanction is still in force at `now`. */
export function inForce(sanction: Pick<Sanction, 'kind' | 'endsAt' | 'revokedAt'>, now = new Date()): boolean {
  if (sanction.kind === 'warning' || sanction.revokedAt) return false;
  return sanction.endsAt === null || sanction.endsAt > now;
}

/** The sanction in force of a kind, e.g. what a silenced member is told (reason and end). */
export async function activeSanction(db: Db, userId: number, kind: SanctionKind, now = new Date()): Promise<Sanction | undefined> {
  const rows = await db
    .select()
    .from(moderationSanctions)
    .where(and(eq(moderationSanctions.userId, userId), eq(moderationSanctions.kind, kind), isNull(moderationSanctions.revokedAt)))
    .orderBy(desc(moderationSanctions.startsAt), desc(moderationSanctions.id))
    .limit(5);
  return rows.find((s) => inForce(s, now));
}
