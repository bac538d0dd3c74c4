import type { MiddlewareHandler } from 'hono';

/** Until the first admin exists, every page leads to the setup wizard. */
export function setupGate(): MiddlewareHandler {
  return async function setupGateMiddleware(c, next) {
    if (!c.var.site.setupComplete && c.req.path !== '/setup' && c.req.path !== '/locale') {
      return c.redirect('/setup');
    }
    return next();
  };
}
