import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { formStrings, type FieldErrors, fieldErrorsOf } from '../http/validation.ts';
import { isValidTimeZone, locales } from '../i18n/index.ts';
import { updateSiteSettings, type SiteSettings } from '../site/settings.ts';
import { Field } from '../ui/form.tsx';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { adminLinks } from './links.ts';
import { AdminShell } from './views/shell.tsx';

const settingsForm = z.object({
  forumName: z.string().trim().min(1, 'setup.forumName.required').max(80, 'validation.tooLong'),
  description: z.string().trim().max(500, 'validation.tooLong'),
  defaultLocale: z.enum(locales),
  timeZone: z.string().refine(isValidTimeZone, 'admin.settings.timeZone.invalid'),
  restrictTags: z.boolean(),
  logoUrl: z
    .string()
    .trim()
    .max(500, 'validation.tooLong')
    .refine((v) => v === '' || /^https:\/\/[^\s"'<>]+$/i.test(v) || /^\/(?!\/)[^\s"'<>]*$/.test(v), 'admin.settings.logoUrl.invalid')
    .optional(),
  // optional: a form without the field (an older page) leaves the stored mode alone
  registrationMode: z.enum(['open', 'invite', 'approval']).optional(),
});

/** /admin/settings: the forum's name, description, default language, time zone and tag policy. */
export function settingsAdminRoutes(): Hono {
  const app = new Hono();

  app.get('/', (c) => render(c, c.get('site'), {}));

  app.post('/', async (c) => {
    const form = formStrings(await c.req.parseBody());
    const parsed = settingsForm.safeParse({ ...form, restrictTags: form.restrictTags === 'on' });
    if (!parsed.success) {
      return render(c, { ...c.get('site'), ...form, restrictTags: form.restrictTags === 'on' } as SiteSettings, fieldErrorsOf(parsed.error), 400);
    }
    await updateSiteSettings(c.get('deps').db, parsed.data);
    return c.redirect('/admin/settings?saved=1', 303);
  });

  return app;
}

function render(c: Context, values: SiteSettings, errors: FieldErrors, status: 200 | 400 = 200) {
  const vc = viewContext(c);
  const { t } = vc;
  const zones = Intl.supportedValuesOf('timeZone');
  return renderPage(
    c,
    { title: t('admin.settings'), status },
    <AdminShell vc={vc} links={adminLinks(c)} title={t('admin.settings')}>
      {c.req.query('saved') ? (
        <p class="flash success" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <form method="post" action="/admin/settings" class="stack">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <Field vc={vc} name="forumName" label={t('setup.forumName')} value={values.forumName} errors={errors} required maxlength={80} />
        <Field vc={vc} name="description" label={t('admin.settings.description')} value={values.description} errors={errors} maxlength={500} />
        <div class="field">
          <label for="f-defaultLocale">{t('setup.defaultLocale')}</label>
          <select id="f-defaultLocale" name="defaultLocale">
            {locales.map((l) => (
              <option value={l} selected={values.defaultLocale === l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div class={`field${errors.timeZone ? ' has-error' : ''}`}>
          <label for="f-timeZone">{t('admin.settings.timeZone')}</label>
          <select id="f-timeZone" name="timeZone" aria-describedby="f-timeZone-help">
            {zones.map((zone) => (
              <option value={zone} selected={values.timeZone === zone}>
                {zone}
              </option>
            ))}
          </select>
          <small id="f-timeZone-help" class="help">
            {t('admin.settings.timeZone.help')}
          </small>
          {errors.timeZone ? (
            <small class="error-text" role="alert">
              {t(errors.timeZone)}
            </small>
          ) : null}
        </div>
        <Field vc={vc} name="logoUrl" label={t('admin.settings.logoUrl')} help={t('admin.settings.logoUrl.help')} value={values.logoUrl} errors={errors} maxlength={500} />
        <div class="field">
          <label for="f-registrationMode">{t('admin.settings.registrationMode')}</label>
          <select id="f-registrationMode" name="registrationMode">
            {(['open', 'invite', 'approval'] as const).map((mode) => (
              <option value={mode} selected={values.registrationMode === mode}>
                {t(`admin.settings.registrationMode.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <input type="checkbox" id="f-restrictTags" name="restrictTags" checked={values.restrictTags} />
          <label for="f-restrictTags">{t('admin.settings.restrictTags')}</label>
        </div>
        <button type="submit" class="button primary">
          {t('common.save')}
        </button>
      </form>
    </AdminShell>,
  );
}
