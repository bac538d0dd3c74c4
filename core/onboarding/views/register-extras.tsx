import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { answerField } from '../questions.ts';
import type { RegistrationContext } from '../context.ts';

/** What the registration form adds for onboarding: the invite it came through and the entry questionnaire. */
export const RegisterExtras: FC<{ vc: ViewContext; context: RegistrationContext; form: Record<string, string>; errors?: FieldErrors }> = ({
  vc,
  context,
  form,
  errors,
}) => {
  const { t } = vc;
  return (
    <>
      {context.invite ? (
        <>
          <input type="hidden" name="invite" value={context.invite.invite.code} />
          <p class="flash success invite-note">{t('onboarding.register.invitedBy', { name: context.invite.inviterDisplayName })}</p>
        </>
      ) : null}
      {errors?.invite ? (
        <p class="flash error" role="alert">
          {t(errors.invite)}
        </p>
      ) : null}
      {context.mode === 'approval' && !context.invite ? <p class="muted">{t('onboarding.register.approvalNote')}</p> : null}
      {context.questions.length > 0 ? (
        <fieldset class="questionnaire">
          <legend>{t('onboarding.register.questionnaire')}</legend>
          {context.questions.map((q) => {
            const name = answerField(q);
            const id = `f-${name}`;
            const error = errors?.[name];
            return (
              <div class={`field${error ? ' has-error' : ''}`}>
                <label for={id}>
                  {q.prompt}
                  {q.required ? null : <span class="muted"> ({t('common.optional')})</span>}
                </label>
                <textarea id={id} name={name} rows={3} maxlength={2000} required={q.required} aria-invalid={error ? 'true' : undefined}>
                  {form[name] ?? ''}
                </textarea>
                {q.help ? <small class="help">{q.help}</small> : null}
                {error ? (
                  <small class="error-text" role="alert">
                    {t(error)}
                  </small>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </>
  );
};
