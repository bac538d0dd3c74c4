import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { emitNotified } from './events.ts';
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
export async function notify(db: DbOrTx, input: NewNotification, options: NotifyOptions = {}): Promise<void> {
  await notifyMany(db, [input], options);
}

// keeps one statement's parameters far below PostgreSQL's 65535
const INSERT_CHUNK = 1000;

export interface NotifyOptions {
  /**
   * false inside a transaction: the caller calls emitNotified after the commit, or open pages' bells would
   * count unread notifications before the new ones are visible.
   */
  announce?: boolean;
}

/** Stores many notifications in as few statements as possible (fan-out to watchers); dedupeKeys apply. */
export async function notifyMany(db: DbOrTx, inputs: NewNotification[], options: NotifyOptions = {}): Promise<void> {
  for (let i = 0; i < inputs.length; i += INSERT_CHUNK) {
    const rows = inputs.slice(i, i + INSERT_CHUNK).map((input) => ({
      userId: input.userId,
      type: input.type,
      data: input.data,
      url: input.url,
      actorId: input.actorId ?? null,
      dedupeKey: input.dedupeKey ?? null,
    }));
    await db.insert(notifications).values(rows).onConflictDoNothing();
  }
  if (options.announce !== false) emitNotified(inputs.map((i) => i.userId));
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

/** The bell's dropdown: the latest few, read or not. */
export async function recentNotifications(db: DbOrTx, userId: number, limit = 10): Promise<Notification[]> {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit);
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

/** Reading what a group of notifications is about (e.g. opening the conversation) clears its unread one. */
export async function markGroupRead(db: DbOrTx, userId: number, groupKey: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), eq(notifications.groupKey, groupKey), isNull(notifications.readAt)));
}
