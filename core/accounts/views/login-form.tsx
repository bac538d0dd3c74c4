import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { Field, FormError, CsrfField } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { User } from '../schema.ts';
import { SanctionNotice } from './sanction-notice.tsx';

export interface LoginFormProps {
  vc: ViewContext;
  form: Record<string, string>;
  errors?: FieldErrors;
  /** Set when the password was right but the member may not sign in. */
  sanctioned?: Pick<User, 'status' | 'statusReason' | 'statusUntil'>;
}

export const LoginForm: FC<LoginFormProps> = ({ vc, form, errors, sanctioned }) => {
  const { t } = vc;
  const next = form.next ?? '';
  return (
    <form method="post" action="/login" hx-post="/login" hx-target="this" hx-swap="outerHTML" class="stack auth-form" novalidate>
      <CsrfField vc={vc} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {sanctioned ? <SanctionNotice vc={vc} user={sanctioned} /> : <FormError vc={vc} errors={errors} />}
      <Field vc={vc} name="login" label={t('account.login.identifier')} value={form.login} errors={errors} required autocomplete="username" />
      <Field vc={vc} name="password" type="password" label={t('account.password')} errors={errors} required autocomplete="current-password" />
      <button type="submit" class="button primary">
        {t('nav.login')}
      </button>
      <p class="muted">
        <a href="/password/forgot">{t('account.login.forgot')}</a>
        {' · '}
        <a href={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>{t('account.login.noAccount')}</a>
      </p>
    </form>
  );
};
