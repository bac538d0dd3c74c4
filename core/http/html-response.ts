import type { Context } from 'hono';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';

/**
 * Makes `c.html(<jsx/>)` hand @hono/node-server a primitive string. Hono resolves JSX to a `String`
 * object, which the node adapter does not recognise as a string body: it then builds a full WHATWG
 * Response and streams the page through it (about a tenth of a signed-in page's CPU, measured), where a
 * primitive string is written to the socket directly.
 */
export function htmlAsPrimitiveString(c: Context): void {
  const html = c.html;
  const resolved = (markup: unknown, rest: unknown[]): Promise<Response> =>
    resolveCallback(markup as string, HtmlEscapedCallbackPhase.Stringify, false, {}).then((text) =>
      (html as (...args: unknown[]) => Response)(`${text}`, ...rest),
    );
  c.html = ((markup: unknown, ...rest: unknown[]) =>
    typeof markup === 'string' ? (html as (...args: unknown[]) => Response)(markup, ...rest) : resolved(markup, rest)) as Context['html'];
}
