import { and, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users, type Role, type User } from '../../accounts/schema.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { logModerationAction } from '../../moderation/service/log.ts';

export const MEMBERS_PAGE = 50;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** Members matching a name or email (prefix), newest first, keyset on id. */
export async function searchMembers(db: DbOrTx, query: string, beforeId: number | null) {
  const q = query.trim().toLowerCase();
  const pattern = `${escapeLike(q)}%`;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      status: users.status,
      trustLevel: users.trustLevel,
      postCount: users.postCount,
      createdAt: users.createdAt,
      lastSeenAt: users.lastSeenAt,
    })
    .from(users)
    .where(
      and(
        q ? or(ilike(users.usernameKey, pattern), ilike(users.emailKey, pattern), ilike(users.displayName, `%${escapeLike(q)}%`)) : undefined,
        beforeId ? lt(users.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(users.id))
    .limit(MEMBERS_PAGE + 1);
  const items = rows.slice(0, MEMBERS_PAGE);
  return { items, next: rows.length > MEMBERS_PAGE ? (items.at(-1)?.id ?? null) : null };
}

export const roleSchema = z.object({
  role: z.enum(['member', 'moderator', 'admin'], { error: 'admin.members.role.invalid' }),
  reason: z.string().trim().max(500, 'validation.tooLong').default(''),
});

/**
 * Admins change a member's role; it is logged. An admin cannot change their own role (so the forum always
 * keeps the admin doing it), and the member's sessions restart so its effect shows in the log.
 */
export async function changeRole(db: Db, actor: User, userId: number, input: z.input<typeof roleSchema>): Promise<void> {
  if (actor.role !== 'admin') throw new UserError(403, 'error.403.body');
  if (actor.id === userId) throw new UserError(400, 'admin.members.role.self');
  const data = parseOrThrow(roleSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new UserError(404, 'error.404.body');
    if (before.role === data.role) return;
    await tx.update(users).set({ role: data.role as Role }).where(eq(users.id, userId));
    await logModerationAction(tx, {
      actorId: actor.id,
      action: 'user.role',
      targetType: 'user',
      targetId: userId,
      targetUserId: userId,
      reason: data.reason,
      before: { role: before.role },
      after: { role: data.role },
    });
  });
}

export async function memberById(db: DbOrTx, id: number): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Counts shown on the member page that are not kept on the row: one query. */
export async function memberCounts(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({
      days: sql<number>`(select count(*)::int from member_active_days where user_id = ${users.id})`,
      invites: sql<number>`(select count(*)::int from invites where inviter_id = ${users.id})`,
      invitees: sql<number>`(select count(*)::int from invite_redemptions where inviter_id = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return { days: Number(row?.days ?? 0), invites: Number(row?.invites ?? 0), invitees: Number(row?.invitees ?? 0) };
}
