import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users, type User } from '../accounts/schema.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { canAct } from '../forum/permissions.ts';
import { UserError } from '../http/errors.tsx';
import { parseOrThrow, ValidationError } from '../http/validation.ts';
import { trustLevelOf } from '../trust/abilities.ts';
import { inviteRedemptions, invites, type Invite } from './schema.ts';
import { inviteSettings, type InviteSettings } from './settings.ts';

const DAY = 24 * 60 * 60 * 1000;

export function canInvite(user: User | null, settings: InviteSettings): boolean {
  if (!user || !canAct(user)) return false;
  return trustLevelOf(user) >= settings.minTrustLevel;
}

function newCode(): string {
  // 120 bits, URL-safe: not guessable, short enough to share in a chat
  return randomBytes(15).toString('base64url');
}

export const newInviteSchema = z.object({
  maxUses: z.coerce.number({ error: 'invites.maxUses.invalid' }).int('invites.maxUses.invalid').min(1, 'invites.maxUses.invalid'),
  days: z.coerce.number({ error: 'invites.days.invalid' }).int('invites.days.invalid').min(1, 'invites.days.invalid'),
});

/** Creates an invite link within the forum's limits (uses, lifetime, open links per member). */
export async function createInvite(db: Db, inviter: User, input: z.input<typeof newInviteSchema>, now = new Date()): Promise<Invite> {
  const settings = await inviteSettings(db);
  if (!canInvite(inviter, settings)) throw new UserError(403, 'invites.notAllowed');
  const data = parseOrThrow(newInviteSchema, input);
  if (data.maxUses > settings.maxUses) throw new ValidationError({ maxUses: 'invites.maxUses.tooMany' });
  if (data.days > settings.maxDays) throw new ValidationError({ days: 'invites.days.tooLong' });
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invites)
    .where(and(eq(invites.inviterId, inviter.id), openInvite(now)));
  if (Number(open?.n ?? 0) >= settings.maxOpenPerMember) throw new ValidationError({ _form: 'invites.tooManyOpen' });
  const [invite] = await db
    .insert(invites)
    .values({ code: newCode(), inviterId: inviter.id, maxUses: data.maxUses, expiresAt: new Date(now.getTime() + data.days * DAY) })
    .returning();
  return invite!;
}

function openInvite(now: Date) {
  return and(isNull(invites.revokedAt), gt(invites.expiresAt, now), lt(invites.useCount, invites.maxUses));
}

/** A code that can still be used now, with its inviter's name; undefined otherwise. */
export async function findUsableInvite(db: DbOrTx, code: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{10,40}$/.test(code)) return undefined;
  const [row] = await db
    .select({ invite: invites, inviterName: users.username, inviterDisplayName: users.displayName })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.inviterId))
    .where(and(eq(invites.code, code), openInvite(now)))
    .limit(1);
  return row;
}

/**
 * Counts one use and records who invited whom, in the registering transaction. The conditional update is
 * the limit: two registrations racing for the last use cannot both pass.
 */
export async function redeemInvite(tx: DbOrTx, inviteId: number, userId: number, now = new Date()): Promise<Invite> {
  const [invite] = await tx
    .update(invites)
    .set({ useCount: sql`${invites.useCount} + 1` })
    .where(and(eq(invites.id, inviteId), openInvite(now)))
    .returning();
  if (!invite) throw new ValidationError({ invite: 'invites.used' });
  await tx.insert(inviteRedemptions).values({ inviteId, inviterId: invite.inviterId, userId });
  return invite;
}

export async function revokeInvite(db: DbOrTx, actor: User, inviteId: number): Promise<void> {
  const [invite] = await db.select().from(invites).where(eq(invites.id, inviteId));
  if (!invite) throw new UserError(404, 'error.404.body');
  if (invite.inviterId !== actor.id && actor.role !== 'admin') throw new UserError(403, 'error.403.body');
  await db.update(invites).set({ revokedAt: new Date() }).where(and(eq(invites.id, inviteId), isNull(invites.revokedAt)));
}

/** A member's links, newest first (the invite page shows the latest 50). */
export async function invitesOf(db: DbOrTx, inviterId: number) {
  return db.select().from(invites).where(eq(invites.inviterId, inviterId)).orderBy(desc(invites.createdAt), desc(invites.id)).limit(50);
}

/** Members who joined through someone's invites, newest first. */
export async function inviteesOf(db: DbOrTx, inviterId: number, limit = 50) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, joinedAt: inviteRedemptions.createdAt })
    .from(inviteRedemptions)
    .innerJoin(users, eq(users.id, inviteRedemptions.userId))
    .where(eq(inviteRedemptions.inviterId, inviterId))
    .orderBy(desc(inviteRedemptions.createdAt))
    .limit(limit);
}

export async function invitedBy(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ id: users.id, username: users.username })
    .from(inviteRedemptions)
    .innerJoin(users, eq(users.id, inviteRedemptions.inviterId))
    .where(eq(inviteRedemptions.userId, userId));
  return row;
}

export const leaderboardPeriods = { week: 7, month: 30, all: null } as const;
export type LeaderboardPeriod = keyof typeof leaderboardPeriods;

/** The invite leaderboard: members by how many people joined through their links. */
export async function inviteLeaderboard(db: DbOrTx, period: LeaderboardPeriod, limit = 50, now = new Date()) {
  const days = leaderboardPeriods[period];
  const since = days === null ? undefined : new Date(now.getTime() - days * DAY);
  const n = sql<number>`count(*)::int`;
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, invited: n })
    .from(inviteRedemptions)
    .innerJoin(users, eq(users.id, inviteRedemptions.inviterId))
    .where(since ? gt(inviteRedemptions.createdAt, since) : undefined)
    .groupBy(users.id, users.username, users.displayName)
    .orderBy(desc(n), users.username)
    .limit(limit);
}

export function inviteState(invite: Invite, now = new Date()): 'open' | 'used' | 'expired' | 'revoked' {
  if (invite.revokedAt) return 'revoked';
  if (invite.useCount >= invite.maxUses) return 'used';
  if (invite.expiresAt <= now) return 'expired';
  return 'open';
}

