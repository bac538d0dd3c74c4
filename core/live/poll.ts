import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Hono } from 'hono';
import { categories, threads } from '../forum/schema.ts';
import { canReadCategory } from '../forum/permissions.ts';
import type { AppDeps } from '../http/deps.ts';
import { unreadCount } from '../notifications/service.ts';

const parent = alias(categories, 'poll_parent');

/** The fallback when SSE is blocked: what changed, as JSON, asked every 30 seconds. */
export function livePollRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/live/poll', async (c) => {
    const user = c.var.user;
    let lastNumber = 0;
    const threadId = Number(c.req.query('thread'));
    if (Number.isSafeInteger(threadId) && threadId > 0) {
      const [row] = await deps.db
        .select({ last: threads.lastPostNumber, category: categories, parent })
        .from(threads)
        .innerJoin(categories, eq(threads.categoryId, categories.id))
        .leftJoin(parent, eq(categories.parentId, parent.id))
        .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
        .limit(1);
      if (row && canReadCategory(user, row.category, row.parent)) lastNumber = row.last;
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ lastNumber, unreadNotifications: user ? await unreadCount(deps.db, user.id) : 0 });
  });
  return app;
}
