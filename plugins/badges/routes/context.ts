import type { Context } from 'hono';
import { canAct, formValues, isStaff, UserError, viewContext, type PluginEnv, type User, type ViewContext } from '../../../core/plugins/api.ts';
import type { BadgesSettings } from '../settings.ts';

export type BadgesContext = Context<PluginEnv<BadgesSettings>>;

export function vcOf(c: BadgesContext): ViewContext {
  return viewContext(c as unknown as Context);
}

export function isHtmx(c: BadgesContext): boolean {
  return c.req.header('hx-request') === 'true';
}

/** A signed-in member who may act (not banned or suspended); guests get the sign-in page. */
export function actingMember(c: BadgesContext): User {
  const user = c.get('user');
  if (!user) throw new UserError(403, 'badges.error.signIn');
  if (!canAct(user)) throw new UserError(403, 'error.403.body');
  return user;
}

export function staffMember(c: BadgesContext): User {
  const user = actingMember(c);
  if (!isStaff(user)) throw new UserError(403, 'error.403.body');
  return user;
}

/** Sends guests to sign in and back. */
export function signInRedirect(c: BadgesContext): Response {
  return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
}

/** Single-valued form fields. */
export async function formFields(c: BadgesContext): Promise<Record<string, string>> {
  const values = await formValues(c as unknown as Context);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = Array.isArray(v) ? (v[0] ?? '') : v;
  return out;
}

export function idParam(c: BadgesContext, name: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw new UserError(404, 'error.404.body');
  return Number(value);
}

/** The forum's zone, which defines "today" for check-ins and boards. */
export function forumZone(c: BadgesContext): string {
  return c.get('site').timeZone;
}

/** A keyset cursor from the query string (`before=<id>`); anything else means the first page. */
export function cursorParam(c: BadgesContext): number | undefined {
  const value = c.req.query('before') ?? '';
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
