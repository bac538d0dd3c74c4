import type { MiddlewareHandler } from 'hono';
import { getSiteSettings } from '../site/settings.ts';
import { activityRecorderFor } from './recorder.ts';

/**
 * Runs after the session middleware: a signed-in request marks the member active today (forum time zone),
 * and a full HTML page served with 200 counts as one page view. Nothing here delays the response.
 */
export function activityMiddleware(): MiddlewareHandler {
  return async function recordActivity(c, next) {
    const { db, logger } = c.get('deps');
    const recorder = activityRecorderFor(db, logger);
    const user = c.get('user');
    const timeZone = (await getSiteSettings(db)).timeZone;
    const day = recorder.dayIn(timeZone);
    if (user) void recorder.recordActive(user.id, day);
    await next();
    const isPage =
      c.req.method === 'GET' &&
      c.res.status === 200 &&
      !c.req.header('hx-request') &&
      (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    if (isPage) recorder.countView(day, user ? 'member' : 'guest');
  };
}

