import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { setSessionCookie } from '../http/cookies.ts';
import { formStrings } from '../http/validation.ts';
import { renderPage } from '../ui/page.tsx';
import type { User } from './schema.ts';
import { createSession, invalidateSession } from './service/sessions.ts';

export function isHtmx(c: Context): boolean {
  return c.req.header('hx-request') === 'true';
}

export async function formBody(c: Context): Promise<Record<string, string>> {
  return formStrings(await c.req.parseBody());
}

/** Starts a fresh session (never reusing the one the request came with) and sets its cookie. */
export async function signIn(c: Context, user: Pick<User, 'id'>): Promise<void> {
  const { db } = c.get('deps');
  const previous = c.get('session');
  if (previous) await invalidateSession(db, previous.id);
  const { token, session } = await createSession(db, user.id, c.req.header('user-agent'));
  setSessionCookie(c, token, session.expiresAt);
}

/** After a successful form: 303 for a plain form post, HX-Redirect for htmx (fetch would follow a 303 and swap the page in). */
export function redirectAfterPost(c: Context, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}

/** The form alone for htmx (it swaps itself), or the whole page around it without JavaScript. */
export function renderFormOrPage(
  c: Context,
  options: { title: string; status?: ContentfulStatusCode },
  form: Child,
  page: Child,
): Response | Promise<Response> {
  if (isHtmx(c)) return c.html(<>{form}</>, options.status ?? 200);
  return renderPage(c, options, page);
}
