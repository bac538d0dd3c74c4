import type { MiddlewareHandler } from 'hono';

/** Until the first admin exists, every page leads to the setup wizard. */
export function setupGate(): MiddlewareHandler {
  return async function setupGateMiddleware(c, next) {
    const path = c.req.path;
    const allowed = path === '/setup' || path === '/locale' || path.startsWith('/assets/') || path.startsWith('/avatar/');
    if (!c.var.site.setupComplete && !allowed) {
      return c.redirect('/setup');
    }
    return next();
  };
}
