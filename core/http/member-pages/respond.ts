import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { User } from '../../accounts/schema.ts';
import type { MemberState } from '../../ui/member-parts.tsx';
import { acceptsGzip } from '../accept-encoding.ts';
import { GZIP_LEVEL } from '../html-response.ts';
import type { MemberTemplate } from './template.tsx';

/**
 * A member's page made from their class's template: their parts, header counts and token filled in,
 * gzipped when the browser takes it. The header counts must be read already (the page's `beforeRender`).
 */
export async function memberPageResponse(c: Context, template: MemberTemplate<unknown>, user: User, state: MemberState): Promise<Response> {
  const gzip = acceptsGzip(c.req.header('accept-encoding'));
  // a kept template compresses its shared runs once for every member; one made for this request alone
  // (PAGE_CACHE_MS=0) is cheaper gzipped whole
  const kept = c.get('deps').config.PAGE_CACHE_MS > 0;
  const member = {
    user,
    csrfToken: c.get('csrfToken'),
    unreadNotifications: c.get('unreadNotifications') ?? 0,
    unreadConversations: c.get('unreadConversations') ?? 0,
    state,
  };
  const filled = await template.fill(member, { gzip: gzip && kept });
  const body = gzip && !kept ? (gzipSync(filled, { level: GZIP_LEVEL }) as Buffer<ArrayBuffer>) : filled;
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'HX-Request', { append: true });
  if (gzip) {
    c.header('Content-Encoding', 'gzip');
    c.header('Vary', 'Accept-Encoding', { append: true });
  }
  return c.body(body, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
}
