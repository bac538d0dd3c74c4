import { and, eq, inArray, sql } from 'drizzle-orm';
import { isStaff, users, type Db, type User } from '../../../core/plugins/api.ts';
import { eventsOrganisers } from '../schema.ts';

type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Members by username (case-insensitive); returns the names that matched no account as `missing`. */
export async function findMembers(db: DbOrTx, names: readonly string[]): Promise<{ ids: number[]; missing: string[] }> {
  if (names.length === 0) return { ids: [], missing: [] };
  const lowered = names.map((n) => n.toLowerCase());
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, lowered));
  const found = new Set(rows.map((r) => r.username.toLowerCase()));
  return { ids: rows.map((r) => r.id), missing: names.filter((n) => !found.has(n.toLowerCase())) };
}

/** Everyone who organises an event: its creator and the members added. */
export function organiserIdsOf(event: { createdById: number | null }, added: readonly number[]): number[] {
  return [...new Set([...(event.createdById ? [event.createdById] : []), ...added])];
}

/** Organisers and staff manage an event: check-in, export, adding organisers. */
export function canManage(user: Pick<User, 'id' | 'role'> | null, organiserIds: readonly number[]): boolean {
  if (!user) return false;
  return isStaff(user) || organiserIds.includes(user.id);
}

export async function addOrganisers(db: DbOrTx, eventIds: readonly number[], userIds: readonly number[]): Promise<void> {
  const values = eventIds.flatMap((eventId) => userIds.map((userId) => ({ eventId, userId })));
  if (values.length) await db.insert(eventsOrganisers).values(values).onConflictDoNothing();
}

export async function removeOrganiser(db: DbOrTx, eventId: number, userId: number): Promise<void> {
  await db.delete(eventsOrganisers).where(and(eq(eventsOrganisers.eventId, eventId), eq(eventsOrganisers.userId, userId)));
}
