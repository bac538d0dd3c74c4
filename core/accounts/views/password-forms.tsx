import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { Field, CsrfField } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

export const ForgotForm: FC<{ vc: ViewContext; form: Record<string, string>; errors?: FieldErrors }> = ({ vc, form, errors }) => (
  <form method="post" action="/password/forgot" hx-post="/password/forgot" hx-target="this" hx-swap="outerHTML" class="stack auth-form" novalidate>
    <CsrfField vc={vc} />
    <Field vc={vc} name="login" label={vc.t('account.login.identifier')} value={form.login} errors={errors} required autocomplete="username" />
    <button type="submit" class="button primary">
      {vc.t('account.forgot.submit')}
    </button>
  </form>
);

/** The same words whether or not an account matched: the page must not reveal who is a member. */
export const ForgotSent: FC<{ vc: ViewContext }> = ({ vc }) => (
  <div class="flash success" role="status">
    <p>{vc.t('account.forgot.sent')}</p>
  </div>
);

export const ResetForm: FC<{ vc: ViewContext; token: string; errors?: FieldErrors }> = ({ vc, token, errors }) => {
  const action = `/password/reset/${token}`;
  return (
    <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="stack auth-form" novalidate>
      <CsrfField vc={vc} />
      <Field vc={vc} name="password" type="password" label={vc.t('account.reset.newPassword')} help={vc.t('account.password.help')} errors={errors} required autocomplete="new-password" />
      <button type="submit" class="button primary">
        {vc.t('account.reset.submit')}
      </button>
    </form>
  );
};

export const ResetInvalid: FC<{ vc: ViewContext }> = ({ vc }) => (
  <div class="stack">
    <p class="flash error" role="alert">
      {vc.t('account.reset.invalid')}
    </p>
    <p>
      <a class="button" href="/password/forgot">
        {vc.t('account.reset.requestNew')}
      </a>
    </p>
  </div>
);
