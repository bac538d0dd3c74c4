import { Hono } from 'hono';
import { readableThreadContext } from '../forum/index.ts';
import type { AppDeps } from '../http/deps.ts';
import { unreadCount } from '../notifications/service.ts';


/** The fallback when SSE is blocked: what changed, as JSON, asked every 30 seconds. */
export function livePollRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/live/poll', async (c) => {
    const user = c.get('user');
    let lastNumber = 0;
    const threadParam = c.req.query('thread');
    if (threadParam) {
      const found = await readableThreadContext(deps.db, user, Number(threadParam));
      if (found) lastNumber = found.thread.lastPostNumber;
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ lastNumber, unreadNotifications: user ? await unreadCount(deps.db, user.id) : 0 });
  });
  return app;
}
