import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { UserError } from '../../http/errors.tsx';
import { formStrings, formValues } from '../../http/validation.ts';
import { categoryAccess, type CategoryAccess } from '../service/access.ts';
import { allCategories } from '../service/category-cache.ts';
import type { WriteContext } from '../service/context.ts';

declare module 'hono' {
  interface ContextVariableMap {
    forumAccess: Promise<CategoryAccess>;
  }
}

/** What the current viewer may read, worked out once per request. */
export function access(c: Context): Promise<CategoryAccess> {
  let value = c.get('forumAccess');
  if (!value) {
    value = allCategories(c.get('deps').db).then((all) => categoryAccess(all, c.get('user')));
    c.set('forumAccess', value);
  }
  return value;
}

/** What a guest may read: feeds are public documents, whoever fetches them. */
export async function guestAccess(c: Context): Promise<CategoryAccess> {
  return categoryAccess(await allCategories(c.get('deps').db), null);
}

export function isHtmx(c: Context): boolean {
  return c.req.header('hx-request') === 'true';
}

export async function formBody(c: Context): Promise<Record<string, string>> {
  return formStrings(await c.req.parseBody());
}

/** A signed-in member's write context; guests are sent to log in first. */
export function writer(c: Context, form?: WriteContext['form']): WriteContext {
  const user = c.get('user');
  if (!user) throw new UserError(403, 'forum.loginRequired');
  return { db: c.get('deps').db, hooks: c.get('deps').plugins.hooks, user, form };
}

/** Every submitted field (repeated ones as arrays): what plugins' composer fields see. */
export const fullForm = formValues;

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** 303 for a plain form post, HX-Redirect for htmx (fetch would follow a 303 and swap the page in). */
export function redirectAfterPost(c: Context, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}

/** Integer route ids; anything else is a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) {
    throw new UserError(404, 'error.404.body');
  }
  return id;
}

export function pageParam(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const page = Number(value);
  if (!/^\d{1,6}$/.test(value) || page < 1) throw new UserError(404, 'error.404.body');
  return page;
}

export type Status = ContentfulStatusCode;
