import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client address, for per-IP rate limits: the socket's peer, or with TRUST_PROXY the hop our proxy
 * recorded. Without TRUST_PROXY forwarded headers are ignored: anyone could send one and pick a fresh bucket.
 */
export function clientIp(c: Context): string {
  if (c.get('deps')?.config.TRUST_PROXY) {
    // the right-most hop is the one our own proxy added; earlier ones are whatever the client sent
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // in-process requests (tests, app.request) have no socket
    return 'unknown';
  }
}
