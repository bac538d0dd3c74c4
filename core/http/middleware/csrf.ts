import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { generateToken } from '../../accounts/service/tokens.ts';
import { CSRF_COOKIE, SESSION_COOKIE, setPlainCookie } from '../cookies.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Goes into every form as `_csrf` and into htmx requests as the X-CSRF-Token header; empty for guests. */
    csrfToken: string;
  }
}

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const tokenShape = /^[a-z2-7]{32}$/;

/**
 * Every state-changing request must come from our Origin (or Referer). A request that carries a session
 * must also echo the token from our HttpOnly cookie (double submit), as a header or form field.
 *
 * Guests get no token. A forged request needs a victim's session to act through, and a guest has none:
 * what a guest can post (log in, register, ask for a password reset, switch language, set up a new
 * forum) is protected by the Origin check alone, which every browser in use sends with a POST, the way
 * Go's `http.CrossOriginProtection` protects everything. Without a token a guest's page is the same
 * bytes for every guest: cached, compressed once and sent with no Set-Cookie (core/http/guest-lane.ts).
 */
export function csrfProtection(options: { exempt?: (path: string) => boolean } = {}): MiddlewareHandler {
  return async function csrf(c, next) {
    const member = getCookie(c, SESSION_COOKIE) !== undefined;
    const token = member ? memberToken(c) : '';
    c.set('csrfToken', token);
    if (safeMethods.has(c.req.method) || options.exempt?.(c.req.path)) return next();

    const origin = c.req.header('origin') ?? refererOrigin(c.req.header('referer'));
    if (!origin || !sameOrigin(origin, c.get('deps').origin, c.req.url)) {
      throw new HTTPException(403, { message: 'csrf.origin' });
    }
    if (!member) return next();
    const sent = c.req.header(CSRF_HEADER) ?? (await formToken(c.req.raw.headers.get('content-type'), c));
    if (!sent || !equal(sent, token)) throw new HTTPException(403, { message: 'csrf.token' });
    return next();
  };
}

/** The member's token from their cookie, or a new one with its cookie. */
function memberToken(c: Parameters<MiddlewareHandler>[0]): string {
  const token = getCookie(c, CSRF_COOKIE);
  if (token && tokenShape.test(token)) return token;
  const fresh = generateToken();
  setPlainCookie(c, CSRF_COOKIE, fresh, 60 * 60 * 24 * 365);
  return fresh;
}

async function formToken(contentType: string | null, c: Parameters<MiddlewareHandler>[0]): Promise<string | undefined> {
  if (!contentType) return undefined;
  if (!contentType.startsWith('application/x-www-form-urlencoded') && !contentType.startsWith('multipart/form-data')) {
    return undefined;
  }
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** Ours is the configured public origin, or the origin this request was addressed to. */
function sameOrigin(origin: string, publicOrigin: string, requestUrl: string): boolean {
  return origin === publicOrigin || origin === new URL(requestUrl).origin;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
