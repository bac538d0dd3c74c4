import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users, type User } from '../accounts/schema.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { UserError } from '../http/errors.tsx';
import { isUniqueViolation, parseOrThrow } from '../http/validation.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Logger } from '../logger.ts';
import { queueMail } from '../mail/index.ts';
import { logModerationAction } from '../moderation/service/log.ts';
import type { HookBus } from '../plugins/hooks.ts';
import { getSiteSettings } from '../site/settings.ts';
import { decisionMail } from './mail.ts';
import { registrationRequests, type RegistrationRequest } from './schema.ts';
import { sendWelcome } from './welcome.ts';

export interface ApprovalDeps {
  db: Db;
  jobs: JobQueue;
  hooks: HookBus;
  origin: string;
  logger?: Logger;
}

export const PENDING_PAGE = 50;

export async function pendingRegistrations(db: DbOrTx, limit = PENDING_PAGE): Promise<RegistrationRequest[]> {
  return db
    .select()
    .from(registrationRequests)
    .where(eq(registrationRequests.status, 'pending'))
    .orderBy(asc(registrationRequests.createdAt), asc(registrationRequests.id))
    .limit(limit);
}

export async function pendingCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registrationRequests).where(eq(registrationRequests.status, 'pending'));
  return Number(row?.n ?? 0);
}

function requireStaff(actor: User): void {
  if (actor.role !== 'admin' && actor.role !== 'moderator') throw new UserError(403, 'error.403.body');
}

export const decisionSchema = z.object({
  action: z.enum(['approve', 'reject'], { error: 'error.400.body' }),
  reason: z.string().trim().max(1000, 'validation.tooLong').default(''),
});

/**
 * Approves a waiting registration: the account is created from the request (its password hash included),
 * the person is emailed and welcomed. A name or email taken meanwhile rejects the approval with 409.
 */
export async function approveRegistration(deps: ApprovalDeps, actor: User, requestId: number): Promise<User> {
  requireStaff(actor);
  const { db } = deps;
  let user: User;
  try {
    user = await db.transaction(async (tx) => {
      const [request] = await tx
        .select()
        .from(registrationRequests)
        .where(and(eq(registrationRequests.id, requestId), eq(registrationRequests.status, 'pending')))
        .for('update');
      if (!request) throw new UserError(404, 'onboarding.approvals.gone');
      const [created] = await tx
        .insert(users)
        .values({
          username: request.username,
          usernameKey: request.usernameKey,
          displayName: request.displayName,
          email: request.email,
          emailKey: request.emailKey,
          passwordHash: request.passwordHash ?? '',
        })
        .returning();
      // the account has its own copy of the hash now
      await tx
        .update(registrationRequests)
        .set({ status: 'approved', decidedById: actor.id, decidedAt: new Date(), passwordHash: null, userId: created!.id })
        .where(eq(registrationRequests.id, requestId));
      await logModerationAction(tx, {
        actorId: actor.id,
        action: 'user.approve',
        targetType: 'user',
        targetId: created!.id,
        targetUserId: created!.id,
        after: { username: created!.username, email: created!.email },
      });
      return created!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError(409, 'onboarding.approvals.taken');
    throw error;
  }
  const site = await getSiteSettings(db);
  const [request] = await db.select().from(registrationRequests).where(eq(registrationRequests.id, requestId));
  await queueMail(db, deps.jobs, decisionMail(request!, 'approved', site, deps.origin, user.id));
  await deps.hooks.action('user.registered', { user }, { user });
  await sendWelcome(db, user, deps.origin, deps.logger, request!.locale);
  return user;
}

export async function rejectRegistration(deps: ApprovalDeps, actor: User, requestId: number, reasonInput: string): Promise<void> {
  requireStaff(actor);
  const { reason } = parseOrThrow(decisionSchema, { action: 'reject', reason: reasonInput });
  const { db } = deps;
  const request = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(registrationRequests)
      .set({ status: 'rejected', decidedById: actor.id, decidedAt: new Date(), passwordHash: null, reason: reason || null })
      .where(and(eq(registrationRequests.id, requestId), eq(registrationRequests.status, 'pending')))
      .returning();
    if (!row) throw new UserError(404, 'onboarding.approvals.gone');
    await logModerationAction(tx, {
      actorId: actor.id,
      action: 'user.reject',
      targetType: 'registration',
      targetId: requestId,
      reason,
      before: { username: row.username, email: row.email },
    });
    return row;
  });
  await queueMail(db, deps.jobs, decisionMail(request, 'rejected', await getSiteSettings(db), deps.origin));
}
