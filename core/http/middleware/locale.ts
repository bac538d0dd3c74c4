import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createTranslator, negotiateLocale, type Locale, type Translator } from '../../i18n/index.ts';
import { getSiteSettings, type SiteSettings } from '../../site/settings.ts';
import { LOCALE_COOKIE } from '../cookies.ts';

declare module 'hono' {
  interface ContextVariableMap {
    locale: Locale;
    t: Translator;
    site: SiteSettings;
  }
}

/** Picks the language (member preference > cookie > Accept-Language > site default) and loads site settings. */
export function localeMiddleware(): MiddlewareHandler {
  return async function locale(c, next) {
    const site = await getSiteSettings(c.get('deps').db);
    const user = c.get('user');
    const chosen = negotiateLocale({
      preference: user?.locale,
      cookie: getCookie(c, LOCALE_COOKIE),
      acceptLanguage: c.req.header('accept-language'),
      siteDefault: site.defaultLocale,
    });
    c.set('site', site);
    c.set('locale', chosen);
    c.set('t', createTranslator(chosen, user?.timeZone ?? site.timeZone));
    c.header('Content-Language', chosen);
    c.header('Vary', 'Accept-Language, Cookie', { append: true });
    await next();
  };
}
