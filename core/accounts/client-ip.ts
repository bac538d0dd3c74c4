import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The peer address of the connection, for per-IP rate limits. Forwarded headers are ignored:
 * without a configured trusted proxy anyone could send one and pick a fresh bucket per request.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // in-process requests (tests, app.request) have no socket
    return 'unknown';
  }
}
