import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { readableThreadContext } from '../forum/index.ts';
import type { AppDeps } from '../http/deps.ts';
import { UserError } from '../http/errors.tsx';
import type { LiveEvent } from './bus.ts';

const HEARTBEAT_MS = 25_000;

/**
 * GET /live?thread=ID — one Server-Sent Events stream per open page: new posts in the thread it shows,
 * the member's notification count, and "latest" activity for listings. Pages that cannot keep a
 * stream open (blocked by a proxy) fall back to polling in live.js.
 */
export function liveRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/live', async (c) => {
    const channels = ['latest'];
    const user = c.get('user');
    if (user) channels.push(`user:${user.id}`);
    const threadParam = c.req.query('thread');
    if (threadParam) {
      const found = await readableThreadContext(deps.db, user, Number(threadParam));
      if (!found) throw new UserError(404, 'error.404.body');
      channels.push(`thread:${found.thread.id}`);
    }
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      const push = (event: LiveEvent) => {
        queue.push(event);
        wake?.();
      };
      const unsubscribe = channels.map((channel) => deps.live.subscribe(channel, push));
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ channels: channels.length }) });
      try {
        while (open) {
          const event = queue.shift();
          if (event) {
            await stream.writeSSE({ event: event.event, data: JSON.stringify({ channel: event.channel, ...event.data }) });
            continue;
          }
          const timedOut = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), HEARTBEAT_MS);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = undefined;
          if (timedOut && open) await stream.writeSSE({ event: 'ping', data: '{}' });
        }
      } finally {
        for (const off of unsubscribe) off();
      }
    });
  });
  return app;
}
