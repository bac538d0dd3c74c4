import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../cookies.ts';
import { encodedBody, type EncodedPage } from '../page-encodings.ts';
import { etagMatches, weakEtag } from '../etag.ts';

/**
 * A short-lived in-memory cache of the pages guests see. Guests all see the same page for a URL
 * and language, byte for byte: a guest's page carries no CSRF token (middleware/csrf.ts). Anything
 * a signed-in member asks for bypasses it (a session cookie is enough), so a member's view is never
 * served to anyone else.
 *
 * Freshness: a successful write through this instance empties it at once, and so does one through
 * another instance sharing the database (`announceWrite`, a live event every instance hears); writes
 * made by jobs are seen after `ttlMs` at most unless they publish a live event themselves (a member's
 * notification, on their own channel, is not one: core/bootstrap.ts).
 */
export interface PageCacheOptions {
  ttlMs?: number;
  maxBytes?: number;
  /** Paths never cached (live streams, health, admin, setup …). */
  skip?: (path: string) => boolean;
  /** Tells the other instances that a write succeeded here, after this instance has forgotten its pages. */
  announceWrite?: () => void;
}

/** A stored page: its bytes, compressed once per encoding when first asked for (core/http/page-encodings.ts). */
export interface Entry extends EncodedPage {
  at: number;
  generation: number;
  status: number;
  /** Lower-case names; what the route and the middleware inside this one set. */
  headers: Record<string, string>;
  /** What every hit sends besides the per-request headers, per Content-Encoding or for a 304, made at the first such hit (core/http/guest-lane.ts). */
  hitHeaders?: Partial<Record<'br' | 'gzip' | 'identity' | 'notModified', Record<string, string>>>;
  bytes: number;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers a hit must not replay: per-request values set again by the middleware around us. */
const perRequestHeaders = new Set(['set-cookie', 'x-request-id', 'content-length']);

export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;
  private hitObservers: ((path: string) => void)[] = [];
  private invalidationObservers: (() => void)[] = [];
  /** The site's default language as the last stored page saw it: the guest lane negotiates with it. */
  siteDefaultLocale: string | null = null;
  readonly stats = { hits: 0, misses: 0, stores: 0, invalidations: 0 };

  constructor(private readonly options: Required<Pick<PageCacheOptions, 'ttlMs' | 'maxBytes'>>) {}

  /** Forget everything: something a guest could see may have changed. */
  invalidate(): void {
    this.generation++;
    this.stats.invalidations++;
    this.entries.clear();
    this.bytes = 0;
    for (const observer of this.invalidationObservers) observer();
  }

  /** Other caches of what every viewer shares follow this one's freshness (core/cache/shared-reads.ts). */
  onInvalidate(observer: () => void): void {
    this.invalidationObservers.push(observer);
  }

  /** Lets a domain account for pages served from the cache (e.g. thread view counts). */
  onHit(observer: (path: string) => void): void {
    this.hitObservers.push(observer);
  }

  get(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation || now - entry.at > this.options.ttlMs) {
      this.delete(key, entry);
      return undefined;
    }
    // least recently used goes first: move to the end
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores a page; the stored entry, or undefined when it was not kept (too big, or already stale). */
  set(key: string, entry: Omit<Entry, 'generation' | 'bytes'>, generationAtStart: number): Entry | undefined {
    // a write finished while this page rendered: it may already be stale
    if (generationAtStart !== this.generation) return undefined;
    const bytes = entry.body.byteLength;
    if (bytes > this.options.maxBytes / 8) return undefined;
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    const stored: Entry = { ...entry, generation: this.generation, bytes };
    this.entries.set(key, stored);
    this.bytes += bytes;
    this.stats.stores++;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(k, e);
    }
    return stored;
  }

  currentGeneration(): number {
    return this.generation;
  }

  notifyHit(path: string): void {
    for (const observer of this.hitObservers) observer(path);
  }

  private delete(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

export function createPageCache(options: PageCacheOptions = {}): PageCache {
  return new PageCache({ ttlMs: options.ttlMs ?? 5000, maxBytes: options.maxBytes ?? 16 * 1024 * 1024 });
}

/** The key of a page: language, full page or htmx fragment, and the absolute URL. */
export function pageCacheKey(locale: string, htmx: boolean, url: string): string {
  return `${locale}|${htmx ? 'hx' : 'page'}|${url}`;
}

/**
 * Place after the CSRF middleware (the token is known) and the locale middleware (the language is
 * part of the key). Guests' successful GET pages are stored; successful writes from anyone empty the
 * cache. Hits are served before any middleware runs, by core/http/guest-lane.ts.
 */
export function pageCacheMiddleware(cache: PageCache, options: Pick<PageCacheOptions, 'skip' | 'announceWrite'> = {}): MiddlewareHandler {
  return async function pageCacheLayer(c, next) {
    if (unsafeMethods.has(c.req.method)) {
      await next();
      if (c.res.status < 400) {
        cache.invalidate();
        options.announceWrite?.();
      }
      return;
    }
    if (!cacheable(c, options.skip)) return next();

    cache.stats.misses++;
    cache.siteDefaultLocale = c.get('site').defaultLocale;
    const key = pageCacheKey(c.get('locale'), c.req.header('hx-request') !== undefined, c.req.url);
    const generation = cache.currentGeneration();
    await next();
    const res = c.res;
    if (res.status !== 200 || !isHtml(res) || noStore(res) || res.headers.has('set-cookie')) return;
    const body = Buffer.from(await res.clone().arrayBuffer());
    const etag = weakEtag(body);
    const headers: Record<string, string> = { etag };
    for (const [name, value] of res.headers) if (!perRequestHeaders.has(name)) headers[name] = value;
    const stored = cache.set(key, { at: Date.now(), status: res.status, headers, body }, generation);
    res.headers.set('etag', etag);
    // a guest whose browser has this very page (it came from another instance, or before the entry expired)
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      c.res = new Response(null, { status: 304, headers: notModifiedHeaders(res.headers) });
      return;
    }
    // the guest who missed gets the bytes every later guest will
    const sent = stored && encodedBody(stored, c.req.header('accept-encoding'));
    if (sent?.encoding) {
      c.res = new Response(sent.body, res);
      c.res.headers.delete('content-length');
      c.res.headers.set('content-encoding', sent.encoding);
      c.res.headers.append('vary', 'Accept-Encoding');
    }
  };
}

/** What a 304 repeats of the page's headers (RFC 9110 §15.4.5); the middleware around adds the rest. */
const notModifiedNames = ['etag', 'cache-control', 'content-language', 'vary', 'expires'];

export function notModifiedHeaders(page: Headers | Record<string, string>): Record<string, string> {
  const get = (name: string) => (page instanceof Headers ? page.get(name) : page[name]) ?? undefined;
  const headers: Record<string, string> = {};
  for (const name of notModifiedNames) {
    const value = get(name);
    if (value !== undefined) headers[name] = value;
  }
  headers.vary = varyOnEncoding(headers.vary);
  return headers;
}

/** A stored page's Vary plus Accept-Encoding: hits are compressed per client. */
export function varyOnEncoding(vary: string | undefined): string {
  return vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
}

const personalPrefixes = ['/live', '/admin', '/setup', '/login', '/logout', '/register', '/password', '/unsubscribe', '/notifications', '/messages', '/preferences', '/email'];

/** Pages that are about the visitor or carry one-time tokens: never worth sharing between guests. */
export function isPersonalPath(path: string): boolean {
  return personalPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function cacheable(c: Context, skip?: (path: string) => boolean): boolean {
  if (c.req.method !== 'GET') return false;
  if (c.get('user')) return false;
  if (getCookie(c, SESSION_COOKIE)) return false;
  return !skip?.(c.req.path);
}

function isHtml(res: Response): boolean {
  return (res.headers.get('content-type') ?? '').startsWith('text/html');
}

function noStore(res: Response): boolean {
  const value = res.headers.get('cache-control') ?? '';
  return /no-store/i.test(value);
}
