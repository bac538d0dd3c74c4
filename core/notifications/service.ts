import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { notifications, type Notification } from './schema.ts';

export interface NewNotification {
  userId: number;
  type: string;
  data: Record<string, string | number>;
  url: string;
  actorId?: number | null;
  dedupeKey?: string;
}

/** Stores a notification; with a dedupeKey, sending the same one twice stores it once. */
export async function notify(db: DbOrTx, input: NewNotification): Promise<void> {
  await db
    .insert(notifications)
    .values({
      userId: input.userId,
      type: input.type,
      data: input.data,
      url: input.url,
      actorId: input.actorId ?? null,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing();
}

export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** Newest first; `before` is the last id of the previous page (keyset). */
export async function listNotifications(db: DbOrTx, userId: number, before?: number): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE);
}

export async function markRead(db: DbOrTx, userId: number, id: number): Promise<Notification | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: DbOrTx, userId: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
