import type { Context } from 'hono';

/**
 * Sets a header on the response a route already returned. `c.header()` at that point rebuilds the
 * response around its body, which turns a plain HTML string into a stream the server must pump; the
 * response's own headers can usually be changed in place instead. Responses with immutable headers
 * (e.g. `Response.redirect()`) fall back to `c.header()`.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
