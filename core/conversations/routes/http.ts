import type { Context, MiddlewareHandler } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { formStrings } from '../../http/validation.ts';

export function isHtmx(c: Context): boolean {
  return c.req.header('hx-request') === 'true';
}

export async function formBody(c: Context): Promise<Record<string, string>> {
  return formStrings(await c.req.parseBody());
}

/** 303 for a plain form post, HX-Redirect for htmx (fetch would follow a 303 and swap the page in). */
export function redirectAfterPost(c: Context, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}

/** Guests are sent to sign in and brought back (to the page, for a GET). */
export const membersOnly: MiddlewareHandler = async function membersOnly(c, next) {
  if (!c.get('user')) {
    const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : '/messages';
    return redirectAfterPost(c, `/login?next=${encodeURIComponent(back)}`);
  }
  await next();
};

/** Integer ids from the path or query; anything else is a page that does not exist. */
export function idOf(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,10}$/.test(value) || id < 1 || id > 2_147_483_647) throw new UserError(404, 'error.404.body');
  return id;
}

export function optionalId(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : idOf(value);
}
