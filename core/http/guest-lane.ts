import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'hono/utils/cookie';
import { generateToken } from '../accounts/service/tokens.ts';
import { negotiateLocale } from '../i18n/index.ts';
import { CSRF_COOKIE, LOCALE_COOKIE, SESSION_COOKIE } from './cookies.ts';
import { pageCacheKey, type PageCache } from './middleware/page-cache.ts';
import { securityHeaderValues } from './middleware/security-headers.ts';
import { acceptsGzip } from './accept-encoding.ts';
import { compressSegments, gzipWithToken } from './spliced-gzip.ts';

const csrfShape = /^[a-z2-7]{32}$/;
const validRequestId = /^[\w.-]{1,64}$/;
const CSRF_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * Guests' cached pages, served before the app runs: no routing, no middleware, no database. What the
 * middleware would have added is added here: security headers, a request id, and the guest's own CSRF
 * token (a new one, with its cookie, for a first visit), gzipped when the client accepts it. Anything with a session cookie, any method but
 * GET and anything not in the cache goes on to the app, which stores what a guest may share
 * (core/http/middleware/page-cache.ts).
 *
 * It answers synchronously, so @hono/node-server writes the bytes without awaiting anything.
 */
export function guestLane(cache: PageCache, options: { https: boolean }) {
  const security = securityHeaderValues(options);
  return function serveFromCache(request: Request, incoming?: IncomingMessage): Response | undefined {
    if (request.method !== 'GET') return undefined;
    const header = incoming
      ? (name: string) => {
          const value = incoming.headers[name];
          return Array.isArray(value) ? value.join(', ') : value;
        }
      : (name: string) => request.headers.get(name) ?? undefined;
    const cookieHeader = header('cookie');
    const cookies = cookieHeader ? parse(cookieHeader) : {};
    if (cookies[SESSION_COOKIE] !== undefined) return undefined;

    const locale = negotiateLocale({
      cookie: cookies[LOCALE_COOKIE],
      acceptLanguage: header('accept-language'),
      siteDefault: cache.siteDefaultLocale,
    });
    const entry = cache.get(pageCacheKey(locale, header('hx-request') !== undefined, request.url), Date.now());
    if (!entry) return undefined;

    let token = cookies[CSRF_COOKIE];
    const headers: Record<string, string> = { ...security, ...entry.headers };
    if (!token || !csrfShape.test(token)) {
      token = generateToken();
      headers['set-cookie'] = serialize(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: options.https, maxAge: CSRF_MAX_AGE });
    }
    const incomingId = header('x-request-id');
    headers['x-request-id'] = incomingId && validRequestId.test(incomingId) ? incomingId : randomUUID();
    headers['x-page-cache'] = 'hit';
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    cache.stats.hits++;
    cache.notifyHit(pathOf(request.url));
    if (acceptsGzip(header('accept-encoding'))) {
      entry.gzip ??= compressSegments(entry.segments);
      headers['content-encoding'] = 'gzip';
      return new Response(gzipWithToken(entry.gzip, Buffer.from(token)), { status: entry.status, headers });
    }
    return new Response(joinWithToken(entry.segments, token), { status: entry.status, headers });
  };
}

function joinWithToken(segments: Buffer<ArrayBuffer>[], token: string): Buffer<ArrayBuffer> {
  if (segments.length === 1) return segments[0]!;
  const tokenBytes = Buffer.from(token);
  const parts: Buffer<ArrayBuffer>[] = [];
  segments.forEach((segment, index) => {
    if (index > 0) parts.push(tokenBytes);
    parts.push(segment);
  });
  return Buffer.concat(parts);
}

/** The path of an absolute URL, without parsing all of it. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}
