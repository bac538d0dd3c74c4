import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { conversationParticipants as cp } from '../conversations/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { notifications as n } from './schema.ts';
import { deferUntilRender } from '../ui/page.tsx';
import { viewerReadsFor } from '../cache/viewer-reads.ts';
import { viewerReadKeys } from '../cache/viewer-read-keys.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in member's unread notifications, for the header bell (full page loads only). */
    unreadNotifications: number;
    /** Private conversations with unread messages, for the header's messages link (full page loads only). */
    unreadConversations: number;
  }
}

/** Both header counts in one round trip; each is an index range scan. */
export async function headerCounts(db: DbOrTx, userId: number): Promise<{ notifications: number; conversations: number }> {
  const user = sql.placeholder('userId');
  const query = prepared(db, 'notifications.headerCounts', (d) =>
    d
      .select({
        notifications: sql<number>`(select count(*)::int from ${n} where ${n.userId} = ${user} and ${n.readAt} is null)`,
        conversations: sql<number>`(select count(*)::int from ${cp} where ${cp.userId} = ${user} and ${cp.leftAt} is null and ${cp.lastMessageId} > ${cp.lastReadMessageId})`,
      })
      .from(sql`(select 1) as one`)
      .prepare('header_counts'),
  );
  const [row] = await query.execute({ userId });
  return { notifications: Number(row?.notifications ?? 0), conversations: Number(row?.conversations ?? 0) };
}

/** The header counts for a signed-in member's full pages, fetched while the route works (core/ui/page.tsx). */
export function unreadCountMiddleware(): MiddlewareHandler {
  return async function unreadNotifications(c, next) {
    const user = c.get('user');
    const fullPage = c.req.method === 'GET' && c.req.header('hx-request') !== 'true';
    if (user && fullPage) {
      deferUntilRender(
        c,
        viewerReadsFor(c.get('deps')).get(user.id, viewerReadKeys.headerCounts, () => headerCounts(c.get('deps').db, user.id)).then((counts) => {
          // a route that marked things read has set fresher counts itself
          if (c.get('unreadNotifications') !== undefined) return;
          c.set('unreadNotifications', counts.notifications);
          c.set('unreadConversations', counts.conversations);
        }),
      );
    }
    await next();
  };
}
