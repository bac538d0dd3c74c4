import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users, type User } from '../accounts/schema.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { categories } from '../forum/schema.ts';
import { invalidateCategories } from '../forum/service/category-cache.ts';
import { UserError } from '../http/errors.tsx';
import { isUniqueViolation, parseOrThrow, ValidationError } from '../http/validation.ts';
import { logModerationAction } from '../moderation/service/log.ts';
import { flairColors } from './flair.ts';
import { groupMembers, groups, type Group } from './schema.ts';
import { invalidateGroups } from './cache.ts';

export const groupInputSchema = z.object({
  name: z
    .string()
    .transform((v) => v.normalize('NFKC').replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
    .pipe(z.string().min(1, 'groups.name.required').max(40, 'groups.name.long')),
  description: z.string().trim().max(300, 'validation.tooLong').default(''),
  flair: z
    .string()
    .transform((v) => v.normalize('NFKC').replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
    .pipe(z.string().max(16, 'groups.flair.long'))
    .default(''),
  flairColor: z.enum(flairColors, { error: 'groups.flairColor.invalid' }).default('gray'),
});
export type GroupInput = z.input<typeof groupInputSchema>;

function requireAdmin(actor: User): void {
  if (actor.role !== 'admin') throw new UserError(403, 'error.403.body');
}

function nameKey(name: string): string {
  return name.toLowerCase();
}

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'groups_name_key_idx')) throw new ValidationError({ name: 'groups.name.taken' });
    throw error;
  }
}

export async function createGroup(db: Db, actor: User, input: GroupInput | Record<string, string>): Promise<Group> {
  requireAdmin(actor);
  const data = parseOrThrow(groupInputSchema, input);
  const group = await saving(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(groups).values({ ...data, nameKey: nameKey(data.name) }).returning();
      await logModerationAction(tx, { actorId: actor.id, action: 'group.create', targetType: 'group', targetId: row!.id, after: data });
      return row!;
    }),
  );
  invalidateGroups();
  return group;
}

export async function updateGroup(db: Db, actor: User, id: number, input: GroupInput | Record<string, string>): Promise<Group> {
  requireAdmin(actor);
  const data = parseOrThrow(groupInputSchema, input);
  const group = await saving(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(groups).where(eq(groups.id, id));
      if (!before) throw new UserError(404, 'error.404.body');
      const [row] = await tx.update(groups).set({ ...data, nameKey: nameKey(data.name) }).where(eq(groups.id, id)).returning();
      await logModerationAction(tx, {
        actorId: actor.id,
        action: 'group.update',
        targetType: 'group',
        targetId: id,
        before: { name: before.name, description: before.description, flair: before.flair, flairColor: before.flairColor },
        after: data,
      });
      return row!;
    }),
  );
  invalidateGroups();
  return group;
}

/** Deleting a group also takes it out of every member's list and every category's permissions. */
export async function deleteGroup(db: Db, actor: User, id: number): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(groups).where(eq(groups.id, id));
    if (!before) throw new UserError(404, 'error.404.body');
    await tx
      .update(users)
      .set({ groupIds: sql`array_remove(${users.groupIds}, ${id}::int)` })
      .where(sql`${id}::int = any(${users.groupIds})`);
    await tx
      .update(categories)
      .set({
        readGroupIds: sql`array_remove(${categories.readGroupIds}, ${id}::int)`,
        startGroupIds: sql`array_remove(${categories.startGroupIds}, ${id}::int)`,
        replyGroupIds: sql`array_remove(${categories.replyGroupIds}, ${id}::int)`,
      })
      .where(sql`${id}::int = any(${categories.readGroupIds} || ${categories.startGroupIds} || ${categories.replyGroupIds})`);
    await tx.delete(groups).where(eq(groups.id, id));
    await logModerationAction(tx, { actorId: actor.id, action: 'group.delete', targetType: 'group', targetId: id, before: { name: before.name } });
  });
  invalidateGroups();
  invalidateCategories();
}

export async function addGroupMember(db: Db, actor: User, groupId: number, userId: number): Promise<boolean> {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
    const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!group || !member) throw new UserError(404, 'error.404.body');
    const [added] = await tx.insert(groupMembers).values({ groupId, userId, addedById: actor.id }).onConflictDoNothing().returning();
    if (!added) return false;
    await tx.update(groups).set({ memberCount: sql`${groups.memberCount} + 1` }).where(eq(groups.id, groupId));
    await tx
      .update(users)
      .set({ groupIds: sql`array_append(array_remove(${users.groupIds}, ${groupId}::int), ${groupId}::int)` })
      .where(eq(users.id, userId));
    await logModerationAction(tx, { actorId: actor.id, action: 'group.member.add', targetType: 'group', targetId: groupId, targetUserId: userId });
    return true;
  });
}

export async function removeGroupMember(db: Db, actor: User, groupId: number, userId: number): Promise<boolean> {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
      .returning();
    if (removed.length === 0) return false;
    await tx.update(groups).set({ memberCount: sql`greatest(${groups.memberCount} - 1, 0)` }).where(eq(groups.id, groupId));
    await tx.update(users).set({ groupIds: sql`array_remove(${users.groupIds}, ${groupId}::int)` }).where(eq(users.id, userId));
    await logModerationAction(tx, { actorId: actor.id, action: 'group.member.remove', targetType: 'group', targetId: groupId, targetUserId: userId });
    return true;
  });
}

export async function findGroup(db: DbOrTx, id: number): Promise<Group | undefined> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id));
  return row;
}

export async function listGroups(db: DbOrTx): Promise<Group[]> {
  return db.select().from(groups).orderBy(asc(groups.nameKey));
}

export const GROUP_MEMBERS_PAGE = 50;

/** A page of a group's members by username, keyset on the username key. */
export async function groupMemberPage(db: DbOrTx, groupId: number, after: string | null) {
  const rows = await db
    .select({ id: users.id, username: users.username, usernameKey: users.usernameKey, displayName: users.displayName, addedAt: groupMembers.createdAt })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), after ? sql`${users.usernameKey} > ${after}` : undefined))
    .orderBy(asc(users.usernameKey))
    .limit(GROUP_MEMBERS_PAGE + 1);
  const items = rows.slice(0, GROUP_MEMBERS_PAGE);
  return { items, next: rows.length > GROUP_MEMBERS_PAGE ? (items.at(-1)?.usernameKey ?? null) : null };
}

export async function groupsByIds(db: DbOrTx, ids: number[]): Promise<Group[]> {
  if (ids.length === 0) return [];
  return db.select().from(groups).where(inArray(groups.id, ids)).orderBy(asc(groups.nameKey));
}
