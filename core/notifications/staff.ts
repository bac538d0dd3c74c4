import { inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { notifyMany, type NewNotification } from './service.ts';

/** The same notification to every moderator and admin, except the member who caused it. */
export async function notifyStaff(db: DbOrTx, exceptUserId: number, notification: Omit<NewNotification, 'userId'>): Promise<void> {
  const staff = await db.select({ id: users.id }).from(users).where(inArray(users.role, ['moderator', 'admin']));
  await notifyMany(
    db,
    staff.filter((s) => s.id !== exceptUserId).map((s) => ({ ...notification, userId: s.id })),
  );
}
