import type { Context, MiddlewareHandler } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { formStrings, formValues } from '../../http/validation.ts';
import { isStaffViewer } from '../../forum/permissions.ts';

export function isHtmx(c: Context): boolean {
  return c.req.header('hx-request') === 'true';
}

export async function formBody(c: Context): Promise<Record<string, string>> {
  return formStrings(await c.req.parseBody());
}

export { formValues };

/** 303 for a plain form post, HX-Redirect for htmx. */
export function redirectAfterPost(c: Context, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}

/** Guests sign in first; members who are not staff get 403. */
export const staffOnly: MiddlewareHandler = async function staffOnly(c, next) {
  const user = c.get('user');
  if (!user) return redirectAfterPost(c, `/login?next=${encodeURIComponent(c.req.method === 'GET' ? c.req.path : '/review')}`);
  if (!isStaffViewer(user)) throw new UserError(403, 'error.403.body');
  await next();
};

export const adminOnly: MiddlewareHandler = async function adminOnly(c, next) {
  const user = c.get('user');
  if (!user) return redirectAfterPost(c, `/login?next=${encodeURIComponent(c.req.method === 'GET' ? c.req.path : '/review')}`);
  if (user.role !== 'admin') throw new UserError(403, 'error.403.body');
  await next();
};

export const membersOnly: MiddlewareHandler = async function membersOnly(c, next) {
  if (!c.get('user')) return redirectAfterPost(c, `/login?next=${encodeURIComponent(c.req.method === 'GET' ? c.req.path : '/')}`);
  await next();
};

export function idOf(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,10}$/.test(value) || id < 1 || id > 2_147_483_647) throw new UserError(404, 'error.404.body');
  return id;
}

/** The signed-in member, for routes behind one of the guards above. */
export function currentUser(c: Context) {
  const user = c.get('user');
  if (!user) throw new UserError(403, 'error.403.body');
  return user;
}
