import type { MiddlewareHandler } from 'hono';

/** Until the first admin exists, every page leads to the setup wizard. */
export function setupGate(): MiddlewareHandler {
  return async function setupGateMiddleware(c, next) {
    const path = c.req.path;
    const allowed = path === '/setup' || path === '/locale' || path.startsWith('/assets/') || path.startsWith('/avatar/') ||
      // plugins' stylesheets and scripts (the setup page's layout links them too)
      /^\/plugins\/[a-z0-9-]+\/assets\//.test(path);
    if (!c.get('site').setupComplete && !allowed) {
      return c.redirect('/setup');
    }
    return next();
  };
}
