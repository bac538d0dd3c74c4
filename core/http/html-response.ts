import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import { acceptsGzip } from './accept-encoding.ts';

/**
 * Level 2: a 37 KB thread page in about 70 µs, 3 % larger than level 4 at half the time. Compressed in one
 * synchronous call: zlib's asynchronous API streams the page through the thread pool in 16 KB chunks, and
 * its stream machinery cost the main thread several times what the compression itself takes (measured).
 */
export const GZIP_LEVEL = 2;
/** Below this a page gains too little from compression to be worth it. */
const COMPRESS_FROM_BYTES = 1024;

type HtmlArgs = [status?: unknown, headers?: unknown];

/**
 * Wraps `c.html` for two things:
 *
 * - It hands @hono/node-server a primitive string. Hono resolves JSX to a `String` object, which the
 *   node adapter does not recognise as a string body: it then builds a full WHATWG Response and streams
 *   the page through it (about a tenth of a signed-in page's CPU, measured), where a primitive string is
 *   written to the socket directly.
 * - It gzips signed-in members' pages (a 37 KB thread page goes out as about 6 KB).
 *   Guests' pages are compressed once by the page cache instead (core/http/page-encodings.ts); they
 *   carry no CSRF token. A member's page has the token in every form; BREACH could
 *   only recover it through many requests with attacker-chosen text beside it, and the token alone
 *   forges nothing: every state-changing request must also come from our Origin (middleware/csrf.ts).
 */
export function htmlAsPrimitiveString(c: Context): void {
  const html = c.html as (markup: string, ...rest: HtmlArgs) => Response;
  const respond = (text: string, rest: HtmlArgs): Response => {
    const response = html(text, ...rest);
    if (!c.get('user') || text.length < COMPRESS_FROM_BYTES || !acceptsGzip(c.req.header('accept-encoding'))) return response;
    const headers = new Headers(response.headers);
    headers.set('Content-Encoding', 'gzip');
    headers.append('Vary', 'Accept-Encoding');
    return new Response(gzipSync(text, { level: GZIP_LEVEL }), { status: response.status, headers });
  };
  c.html = ((markup: unknown, ...rest: HtmlArgs) => {
    if (typeof markup === 'string') return c.get('user') ? respond(markup, rest) : html(markup, ...rest);
    return resolveCallback(markup as string, HtmlEscapedCallbackPhase.Stringify, false, {}).then((text) => respond(`${text}`, rest));
  }) as Context['html'];
}
