import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../http/cookies.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import { users, type Session, type User } from './schema.ts';
import { validateSessionCached } from './service/session-cache.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in member, or null for a guest. */
    user: User | null;
    session: Session | null;
  }
}

const tokenShape = /^[a-z2-7]{32}$/;
const SEEN_EVERY_MS = 5 * 60 * 1000;

/**
 * "Last seen" feeds digests, immediate-email suppression and activity figures. One write per member
 * every few minutes at most, off the request's critical path.
 */
export function noteSeen(db: Db, user: User, log: Logger): void {
  const now = Date.now();
  if (user.lastSeenAt && now - user.lastSeenAt.getTime() < SEEN_EVERY_MS) return;
  user.lastSeenAt = new Date(now);
  db.update(users)
    .set({ lastSeenAt: user.lastSeenAt })
    .where(eq(users.id, user.id))
    .catch((error: unknown) => log.warn({ err: error }, 'could not record last seen'));
}

/** Resolves the session cookie to a member; a suspended or banned member is treated as signed out. */
export function sessionMiddleware(): MiddlewareHandler {
  return async function session(c, next) {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const result = tokenShape.test(token) ? await validateSessionCached(c.get('deps'), token) : null;
      if (!result) {
        clearSessionCookie(c);
      } else if (result.user.status !== 'active' && !sanctionExpired(result.user)) {
        clearSessionCookie(c);
      } else {
        c.set('user', result.user);
        noteSeen(c.get('deps').db, result.user, c.get('log'));
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
