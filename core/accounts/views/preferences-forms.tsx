import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { locales } from '../../i18n/index.ts';
import { Field, FormError } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { themePreferenceEnum } from '../schema.ts';
import { BIO_MAX_CHARS } from '../service/preferences.ts';
import { Choice, TextArea } from './inputs.tsx';

const timeZones = Intl.supportedValuesOf('timeZone');

export interface PreferencesFormProps {
  vc: ViewContext;
  form: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}

export const PreferencesForm: FC<PreferencesFormProps> = ({ vc, form, errors, saved }) => {
  const { t } = vc;
  const zones = form.timeZone && !timeZones.includes(form.timeZone) ? [form.timeZone, ...timeZones] : timeZones;
  return (
    <form method="post" action="/preferences" hx-post="/preferences" hx-target="this" hx-swap="outerHTML" class="stack card" id="preferences-form" novalidate>
      <h2>{t('account.prefs.profile')}</h2>
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      {saved ? <p class="flash success" role="status">{t('common.saved')}</p> : null}
      <FormError vc={vc} errors={errors} />
      <Field vc={vc} name="displayName" label={t('account.displayName')} help={t('account.displayName.help')} value={form.displayName} errors={errors} maxlength={40} autocomplete="nickname" />
      <TextArea vc={vc} name="bio" label={t('account.bio')} help={t('account.bio.help', { max: BIO_MAX_CHARS })} value={form.bio} errors={errors} maxlength={BIO_MAX_CHARS} />
      <Choice vc={vc} name="locale" label={t('account.prefs.language')} value={form.locale ?? ''} errors={errors}
        options={[{ value: '', label: t('account.prefs.languageAuto') }, ...locales.map((l) => ({ value: l, label: t(`lang.${l}`) }))]} />
      <Choice vc={vc} name="theme" label={t('account.prefs.theme')} value={form.theme ?? 'system'} errors={errors}
        options={themePreferenceEnum.enumValues.map((v) => ({ value: v, label: t(`theme.${v}`) }))} />
      <Choice vc={vc} name="timeZone" label={t('account.prefs.timeZone')} value={form.timeZone ?? ''} errors={errors}
        options={[{ value: '', label: t('account.prefs.timeZoneSite', { zone: vc.site.timeZone }) }, ...zones.map((z) => ({ value: z, label: z }))]} />
      <button type="submit" class="button primary">
        {t('common.save')}
      </button>
    </form>
  );
};

export const PasswordForm: FC<{ vc: ViewContext; errors?: FieldErrors; saved?: boolean }> = ({ vc, errors, saved }) => (
  <form method="post" action="/preferences/password" hx-post="/preferences/password" hx-target="this" hx-swap="outerHTML" class="stack card" id="password-form" novalidate>
    <h2>{vc.t('account.prefs.password')}</h2>
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    {saved ? <p class="flash success" role="status">{vc.t('account.prefs.passwordChanged')}</p> : null}
    <input type="text" name="username" value={vc.user?.username} autocomplete="username" hidden />
    <Field vc={vc} name="currentPassword" type="password" label={vc.t('account.prefs.currentPassword')} errors={errors} required autocomplete="current-password" />
    <Field vc={vc} name="newPassword" type="password" label={vc.t('account.reset.newPassword')} help={vc.t('account.password.help')} errors={errors} required autocomplete="new-password" />
    <button type="submit" class="button">
      {vc.t('account.prefs.changePassword')}
    </button>
  </form>
);

export const SessionsForm: FC<{ vc: ViewContext }> = ({ vc }) => (
  <form method="post" action="/logout/all" class="stack card">
    <h2>{vc.t('account.prefs.sessions')}</h2>
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    <p>{vc.t('account.prefs.logoutAllHelp')}</p>
    <button type="submit" class="button danger">
      {vc.t('account.prefs.logoutAll')}
    </button>
  </form>
);
