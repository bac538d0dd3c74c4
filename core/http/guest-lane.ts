import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'hono/utils/cookie';
import { negotiateLocale } from '../i18n/index.ts';
import { LOCALE_COOKIE, SESSION_COOKIE } from './cookies.ts';
import { notModifiedHeaders, pageCacheKey, varyOnEncoding, type Entry, type PageCache } from './middleware/page-cache.ts';
import { etagMatches } from './etag.ts';
import { securityHeaderValues } from './middleware/security-headers.ts';
import { encodedBody } from './page-encodings.ts';

const validRequestId = /^[\w.-]{1,64}$/;
const empty = Buffer.alloc(0);

/** What the lane needs of a request, whichever server delivered it. */
export interface LaneRequest {
  method: string;
  /** Absolute, as the app sees it (`http://host/path?query`): the cache key holds it. */
  url: string;
  header(name: string): string | undefined;
}

export interface LaneAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer>;
}

/**
 * Guests' cached pages, answered before the app runs: no routing, no middleware, no database. What the
 * middleware would have added is added here: security headers and a request id. A guest's page is the
 * same bytes for every guest (it carries no CSRF token), compressed once per encoding. Anything with a
 * session cookie, any method but GET and anything not in the cache goes on to the app, which stores
 * what a guest may share (core/http/middleware/page-cache.ts).
 *
 * The answer is plain data: `laneForNode` writes it straight to Node's response (what `npm start` runs),
 * `laneForFetch` makes a `Response` of it (the app's own `fetch`, used by tests and other runtimes).
 */
export function guestLane(cache: PageCache, options: { https: boolean }) {
  const security = securityHeaderValues(options);
  return function answerFromCache(request: LaneRequest): LaneAnswer | undefined {
    if (request.method !== 'GET') return undefined;
    const cookieHeader = request.header('cookie');
    const cookies = cookieHeader ? parse(cookieHeader) : {};
    if (cookies[SESSION_COOKIE] !== undefined) return undefined;

    const locale = negotiateLocale({
      cookie: cookies[LOCALE_COOKIE],
      acceptLanguage: request.header('accept-language'),
      siteDefault: cache.siteDefaultLocale,
    });
    const entry = cache.get(pageCacheKey(locale, request.header('hx-request') !== undefined, request.url), Date.now());
    if (!entry) return undefined;

    const incomingId = request.header('x-request-id');
    const requestId = incomingId && validRequestId.test(incomingId) ? incomingId : randomUUID();
    cache.stats.hits++;
    cache.notifyHit(pathOf(request.url));
    // the guest's browser has these very bytes: a reload or a return visit costs a 304
    if (etagMatches(request.header('if-none-match'), entry.headers.etag ?? '')) {
      return { status: 304, headers: { ...hitHeaders(entry, security, 'notModified'), 'x-request-id': requestId }, body: empty };
    }
    const { body, encoding } = encodedBody(entry, request.header('accept-encoding'));
    return { status: entry.status, headers: { ...hitHeaders(entry, security, encoding ?? 'identity'), 'x-request-id': requestId }, body };
  };
}

/** The headers every hit of the entry sends in this encoding (or as a 304), made once. */
function hitHeaders(entry: Entry, security: Record<string, string>, kind: 'br' | 'gzip' | 'identity' | 'notModified'): Record<string, string> {
  const made = (entry.hitHeaders ??= {});
  return (made[kind] ??= { ...security, ...(kind === 'notModified' ? notModifiedHeaders(entry.headers) : encodedHeaders(entry.headers, kind)), 'x-page-cache': 'hit' });
}

function encodedHeaders(stored: Record<string, string>, encoding: 'br' | 'gzip' | 'identity'): Record<string, string> {
  const headers: Record<string, string> = { ...stored, vary: varyOnEncoding(stored.vary) };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return headers;
}

export type AnswerFromCache = ReturnType<typeof guestLane>;

/** The lane for this forum, or none when guests' pages are not cached (`PAGE_CACHE_MS=0`). */
export function guestLaneFor(deps: { pageCache: PageCache; origin: string; config: { PAGE_CACHE_MS: number } }): AnswerFromCache | undefined {
  if (deps.config.PAGE_CACHE_MS <= 0) return undefined;
  return guestLane(deps.pageCache, { https: deps.origin.startsWith('https://') });
}

/** For the app's `fetch`: a `Response`, or undefined to dispatch as usual. */
export function laneForFetch(answer: AnswerFromCache) {
  return (request: Request, incoming?: IncomingMessage): Response | undefined => {
    const found = answer({
      method: request.method,
      url: request.url,
      header: incoming ? nodeHeader(incoming) : (name) => request.headers.get(name) ?? undefined,
    });
    return found && new Response(found.status === 304 ? null : found.body, { status: found.status, headers: found.headers });
  };
}

const plainHost = /^[a-z0-9.-]+(?::[0-9]{1,5})?$/i;

/**
 * For Node's server, ahead of @hono/node-server: a hit is written with one `writeHead` and one `end`,
 * without building the WHATWG `Request`, `Headers` and `Response` objects the adapter would (a third of
 * a hit's CPU). Returns false to let the adapter handle the request. Only URLs the adapter would pass
 * through unchanged are looked up, so a hit has exactly the key the app stored the page under.
 */
export function laneForNode(answer: AnswerFromCache) {
  return (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
    const request = incoming.method === 'GET' ? nodeLaneRequest(incoming) : undefined;
    const found = request && answer(request);
    if (!found) return false;
    if (found.status !== 304) found.headers['content-length'] = String(found.body.length);
    outgoing.writeHead(found.status, found.headers);
    outgoing.end(found.body);
    return true;
  };
}

/**
 * A Node request as the lanes read it, or undefined when the adapter would rewrite its URL (an
 * absolute-form target, an odd Host): a lane answers only for the URL the app would see.
 */
export function nodeLaneRequest(incoming: IncomingMessage): (LaneRequest & { path: string }) | undefined {
  const host = incoming.headers.host;
  const path = incoming.url;
  if (!host || !plainHost.test(host) || !path || path[0] !== '/') return undefined;
  const scheme = (incoming.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return { method: incoming.method ?? '', url: `${scheme}://${host}${path}`, path, header: nodeHeader(incoming) };
}

function nodeHeader(incoming: IncomingMessage) {
  return (name: string): string | undefined => {
    const value = incoming.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
}

/** The path of an absolute URL, without parsing all of it. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}
