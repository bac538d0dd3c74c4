import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createSession } from '../accounts/service/sessions.ts';
import { createUser } from '../accounts/service/users.ts';
import { setSessionCookie } from '../http/cookies.ts';
import { formStrings, ValidationError, type FieldErrors } from '../http/validation.ts';
import { locales } from '../i18n/index.ts';
import { getSiteSettings, updateSiteSettings } from '../site/settings.ts';
import { renderPage } from '../ui/page.tsx';
import { Field, CsrfField } from '../ui/form.tsx';
import { viewContext } from '../ui/view-context.ts';
import { setupTokenMatches } from './setup.ts';

const siteSchema = z.object({
  forumName: z.string().trim().min(1, 'setup.forumName.required').max(80, 'validation.tooLong'),
  defaultLocale: z.enum(locales),
});

export function setupRoutes(): Hono {
  const app = new Hono();

  app.get('/setup', async (c) => {
    if (c.get('site').setupComplete) return c.redirect('/');
    return renderSetup(c, { token: c.req.query('token') ?? '' }, {});
  });

  app.post('/setup', async (c) => {
    const site = await getSiteSettings(c.get('deps').db);
    if (site.setupComplete) return c.redirect('/');
    const form = formStrings(await c.req.parseBody());
    if (!setupTokenMatches(site.setupToken, form.token ?? '')) {
      return renderSetup(c, form, { token: 'setup.tokenInvalid' }, 403);
    }
    const parsedSite = siteSchema.safeParse(form);
    if (!parsedSite.success) return renderSetup(c, form, { forumName: 'setup.forumName.required' }, 400);
    try {
      const admin = await c.get('deps').db.transaction(async (tx) => {
        const user = await createUser(tx, {
          username: form.username ?? '',
          email: form.email ?? '',
          password: form.password ?? '',
          role: 'admin',
          locale: parsedSite.data.defaultLocale,
        });
        await updateSiteSettings(tx, { ...parsedSite.data, setupComplete: true, setupToken: null });
        return user;
      });
      const { token, session } = await createSession(c.get('deps').db, admin.id, c.req.header('user-agent'));
      setSessionCookie(c, token, session.expiresAt);
      c.get('log').info({ admin: admin.username }, 'setup complete');
      return c.redirect('/');
    } catch (error) {
      if (error instanceof ValidationError) return renderSetup(c, form, error.fields, 400);
      throw error;
    }
  });

  function renderSetup(c: Context, form: Record<string, string>, errors: FieldErrors, status: 200 | 400 | 403 = 200) {
    const vc = viewContext(c);
    const { t } = vc;
    return renderPage(
      c,
      { title: t('setup.title'), status },
      <section class="narrow card">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <form method="post" action="/setup" class="stack" novalidate>
          <CsrfField vc={vc} />
          <Field vc={vc} name="token" label={t('setup.token')} help={t('setup.tokenHelp')} value={form.token} errors={errors} required />
          <Field vc={vc} name="forumName" label={t('setup.forumName')} value={form.forumName ?? vc.site.forumName} errors={errors} required />
          <label class="field">
            <span>{t('setup.defaultLocale')}</span>
            <select name="defaultLocale">
              {locales.map((l) => (
                <option value={l} selected={(form.defaultLocale ?? vc.locale) === l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('setup.admin')}</legend>
            <Field vc={vc} name="username" label={t('account.username')} value={form.username} errors={errors} required autocomplete="username" />
            <Field vc={vc} name="email" type="email" label={t('account.email')} value={form.email} errors={errors} required autocomplete="email" />
            <Field vc={vc} name="password" type="password" label={t('account.password')} errors={errors} required autocomplete="new-password" />
          </fieldset>
          <button type="submit" class="button primary">
            {t('setup.submit')}
          </button>
        </form>
      </section>,
    );
  }

  return app;
}
