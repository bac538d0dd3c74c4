import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import { acceptsGzip } from './accept-encoding.ts';

const gzipAsync = promisify(gzip);
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
 * - It gzips signed-in members' pages (a 39 KB thread page goes out as about 6 KB), off the main thread.
 *   Guests' pages are compressed by the page cache instead (core/http/spliced-gzip.ts), which keeps each
 *   guest's CSRF token out of the compressor. A member's page has the token in every form; BREACH could
 *   only recover it through many requests with attacker-chosen text beside it, and the token alone
 *   forges nothing: every state-changing request must also come from our Origin (middleware/csrf.ts).
 */
export function htmlAsPrimitiveString(c: Context): void {
  const html = c.html as (markup: string, ...rest: HtmlArgs) => Response;
  const respond = async (text: string, rest: HtmlArgs): Promise<Response> => {
    const response = html(text, ...rest);
    if (!c.var.user || text.length < COMPRESS_FROM_BYTES || !acceptsGzip(c.req.header('accept-encoding'))) return response;
    const headers = new Headers(response.headers);
    headers.set('Content-Encoding', 'gzip');
    headers.append('Vary', 'Accept-Encoding');
    return new Response(await gzipAsync(text, { level: 4 }), { status: response.status, headers });
  };
  c.html = ((markup: unknown, ...rest: HtmlArgs) => {
    if (typeof markup === 'string') return c.var.user ? respond(markup, rest) : html(markup, ...rest);
    return resolveCallback(markup as string, HtmlEscapedCallbackPhase.Stringify, false, {}).then((text) => respond(`${text}`, rest));
  }) as Context['html'];
}
