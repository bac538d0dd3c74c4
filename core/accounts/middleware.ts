import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../http/cookies.ts';
import type { Session, User } from './schema.ts';
import { validateSessionToken } from './service/sessions.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in member, or null for a guest. */
    user: User | null;
    session: Session | null;
  }
}

const tokenShape = /^[a-z2-7]{32}$/;

/** Resolves the session cookie to a member; a suspended or banned member is treated as signed out. */
export function sessionMiddleware(): MiddlewareHandler {
  return async function session(c, next) {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const result = tokenShape.test(token) ? await validateSessionToken(c.var.deps.db, token) : null;
      if (!result) {
        clearSessionCookie(c);
      } else if (result.user.status !== 'active' && !sanctionExpired(result.user)) {
        clearSessionCookie(c);
      } else {
        c.set('user', result.user);
        c.set('session', result.session);
        if (result.renewed) setSessionCookie(c, token, result.session.expiresAt);
      }
    }
    await next();
  };
}

export function sanctionExpired(user: Pick<User, 'status' | 'statusUntil'>, now = new Date()): boolean {
  return user.status !== 'active' && user.statusUntil !== null && user.statusUntil <= now;
}
