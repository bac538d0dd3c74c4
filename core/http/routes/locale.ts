import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { users } from '../../accounts/schema.ts';
import { isLocale } from '../../i18n/index.ts';
import { LOCALE_COOKIE, setPlainCookie } from '../cookies.ts';
import { safeRedirectPath } from '../redirect.ts';
import { UserError } from '../errors.tsx';

/** The footer's language switcher: a cookie for guests, the saved preference for members. */
export function localeRoutes(): Hono {
  const app = new Hono();
  app.post('/locale', async (c) => {
    const body = await c.req.parseBody();
    const locale = body.locale;
    if (!isLocale(locale)) throw new UserError(400, 'validation.invalid');
    setPlainCookie(c, LOCALE_COOKIE, locale, 60 * 60 * 24 * 365);
    const user = c.get('user');
    if (user) await c.get('deps').db.update(users).set({ locale }).where(eq(users.id, user.id));
    const next = safeRedirectPath(typeof body.next === 'string' ? body.next : '/');
    if (c.req.header('hx-request') === 'true') {
      c.header('HX-Redirect', next);
      return c.body(null, 204);
    }
    return c.redirect(next, 303);
  });
  return app;
}
