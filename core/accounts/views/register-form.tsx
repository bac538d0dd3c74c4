import type { Child, FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { Field, FormError, CsrfField } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

export interface RegisterFormProps {
  vc: ViewContext;
  form: Record<string, string>;
  errors?: FieldErrors;
  /** Onboarding's part (invite, questionnaire), rendered before the submit button. */
  extra?: Child;
}

export const RegisterForm: FC<RegisterFormProps> = ({ vc, form, errors, extra }) => {
  const { t } = vc;
  return (
    <form method="post" action="/register" hx-post="/register" hx-target="this" hx-swap="outerHTML" class="stack auth-form" novalidate>
      <CsrfField vc={vc} />
      {form.next ? <input type="hidden" name="next" value={form.next} /> : null}
      <FormError vc={vc} errors={errors} />
      <Field vc={vc} name="username" label={t('account.username')} help={t('account.username.help')} value={form.username} errors={errors} required autocomplete="username" maxlength={20} />
      <Field vc={vc} name="displayName" label={t('account.displayName')} help={t('account.displayName.help')} value={form.displayName} errors={errors} autocomplete="nickname" maxlength={40} />
      <Field vc={vc} name="email" type="email" label={t('account.email')} value={form.email} errors={errors} required autocomplete="email" />
      <Field vc={vc} name="password" type="password" label={t('account.password')} help={t('account.password.help')} errors={errors} required autocomplete="new-password" />
      {extra}
      <button type="submit" class="button primary">
        {t('account.register.submit')}
      </button>
      <p class="muted">
        {t('account.register.haveAccount')}{' '}
        <a href={form.next ? `/login?next=${encodeURIComponent(form.next)}` : '/login'}>{t('nav.login')}</a>
      </p>
    </form>
  );
};
