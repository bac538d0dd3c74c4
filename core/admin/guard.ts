import type { MiddlewareHandler } from 'hono';
import { UserError } from '../http/errors.tsx';

/** Admin pages: guests go to log in; members get 403. */
export function requireRole(roles: readonly ('admin' | 'moderator')[]): MiddlewareHandler {
  return async function requireRoleMiddleware(c, next) {
    const user = c.get('user');
    if (!user) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
    if (!(roles as readonly string[]).includes(user.role)) throw new UserError(403, 'error.403.body');
    await next();
  };
}
