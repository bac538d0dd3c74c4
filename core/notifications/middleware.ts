import type { MiddlewareHandler } from 'hono';
import { unreadCount } from './service.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in member's unread notifications, for the header bell (full page loads only). */
    unreadNotifications: number;
  }
}

export function unreadCountMiddleware(): MiddlewareHandler {
  return async function unreadNotifications(c, next) {
    const user = c.var.user;
    const fullPage = c.req.method === 'GET' && c.req.header('hx-request') !== 'true';
    c.set('unreadNotifications', user && fullPage ? await unreadCount(c.var.deps.db, user.id) : 0);
    await next();
  };
}
