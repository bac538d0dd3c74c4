import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from '../response-headers.ts';

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // member posts may embed images from other https sites
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The headers every response carries (a route may set a stricter Content-Security-Policy of its own). */
export function securityHeaderValues(options: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'SAMEORIGIN',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const values = Object.entries(securityHeaderValues(options));
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of values) {
      // a route may set a stricter policy of its own (e.g. sandboxed mail HTML)
      if (name === 'content-security-policy' && c.res.headers.has(name)) continue;
      setResponseHeader(c, name, value);
    }
  };
}
