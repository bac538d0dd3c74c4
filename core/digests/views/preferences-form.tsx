import type { FC } from 'hono/jsx';
import type { Category } from '../../forum/schema.ts';
import type { FieldErrors } from '../../http/validation.ts';
import { FormError } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { digestFrequencyEnum } from '../schema.ts';

export interface EmailPreferencesValues {
  digest: string;
  digestHour: string;
  digestCategories: string[];
  immediateReplies: boolean;
  immediateMentions: boolean;
  immediateMessages: boolean;
  unsubscribedAll: boolean;
}

export interface EmailPreferencesFormProps {
  vc: ViewContext;
  values: EmailPreferencesValues;
  categories: Category[];
  timeZone: string;
  errors?: FieldErrors;
  saved?: boolean;
}

const ErrorText: FC<{ vc: ViewContext; name: string; errors?: FieldErrors }> = ({ vc, name, errors }) =>
  errors?.[name] ? (
    <small id={`f-${name}-error`} class="error-text" role="alert">
      {vc.t(errors[name]!)}
    </small>
  ) : null;

const Check: FC<{ name: string; label: string; checked: boolean }> = ({ name, label, checked }) => (
  <label class="checkbox">
    <input type="checkbox" name={name} checked={checked} /> {label}
  </label>
);

const hours = Array.from({ length: 24 }, (_, h) => String(h));

export const EmailPreferencesForm: FC<EmailPreferencesFormProps> = ({ vc, values, categories, timeZone, errors, saved }) => {
  const { t } = vc;
  const invalid = (name: string) => (errors?.[name] ? { 'aria-invalid': 'true', 'aria-describedby': `f-${name}-error` } : {});
  return (
    <form method="post" action="/preferences/email" hx-post="/preferences/email" hx-target="this" hx-swap="outerHTML" class="stack card" id="email-preferences-form" novalidate>
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      {saved ? <p class="flash success" role="status">{t('common.saved')}</p> : null}
      <FormError vc={vc} errors={errors} />
      <fieldset class="stack">
        <legend>{t('digests.prefs.digestHeading')}</legend>
        <div class={`field${errors?.digest ? ' has-error' : ''}`}>
          <label for="f-digest">{t('digests.prefs.digest')}</label>
          <select id="f-digest" name="digest" {...invalid('digest')}>
            {digestFrequencyEnum.enumValues.map((v) => (
              <option value={v} selected={values.digest === v}>
                {t(`digests.prefs.digest.${v}`)}
              </option>
            ))}
          </select>
          <ErrorText vc={vc} name="digest" errors={errors} />
        </div>
        <div class={`field${errors?.digestHour ? ' has-error' : ''}`}>
          <label for="f-digestHour">{t('digests.prefs.hour')}</label>
          <select id="f-digestHour" name="digestHour" aria-describedby="f-digestHour-help" {...invalid('digestHour')}>
            {hours.map((h) => (
              <option value={h} selected={values.digestHour === h}>
                {`${h.padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
          <small id="f-digestHour-help" class="help">
            {t('digests.prefs.hour.help', { zone: timeZone })}
          </small>
          <ErrorText vc={vc} name="digestHour" errors={errors} />
        </div>
        <fieldset class={`field${errors?.digestCategories ? ' has-error' : ''}`}>
          <legend>{t('digests.prefs.categories')}</legend>
          <small class="help">{t('digests.prefs.categories.help')}</small>
          {categories.map((c) => (
            <label class={c.parentId === null ? 'checkbox' : 'checkbox nested'}>
              <input type="checkbox" name="digestCategories" value={String(c.id)} checked={values.digestCategories.includes(String(c.id))} /> {c.name}
            </label>
          ))}
          <ErrorText vc={vc} name="digestCategories" errors={errors} />
        </fieldset>
      </fieldset>
      <fieldset class="stack">
        <legend>{t('digests.prefs.immediateHeading')}</legend>
        <small class="help">{t('digests.prefs.immediate.help')}</small>
        <Check name="immediateReplies" label={t('digests.prefs.immediateReplies')} checked={values.immediateReplies} />
        <Check name="immediateMentions" label={t('digests.prefs.immediateMentions')} checked={values.immediateMentions} />
        <Check name="immediateMessages" label={t('digests.prefs.immediateMessages')} checked={values.immediateMessages} />
      </fieldset>
      <fieldset class="stack">
        <legend>{t('digests.prefs.allHeading')}</legend>
        <Check name="unsubscribedAll" label={t('digests.prefs.unsubscribedAll')} checked={values.unsubscribedAll} />
        <small class="help">{t('digests.prefs.unsubscribedAll.help')}</small>
      </fieldset>
      <button type="submit" class="button primary">
        {t('common.save')}
      </button>
    </form>
  );
};
