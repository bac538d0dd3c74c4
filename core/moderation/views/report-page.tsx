import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { reportReasonEnum } from '../schema.ts';

export interface ReportFormProps {
  vc: ViewContext;
  action: string;
  title: string;
  url: string;
  values?: { reason?: string; text?: string };
  errors?: FieldErrors;
  done?: boolean;
}

export const ReportForm: FC<ReportFormProps> = ({ vc, action, title, url, values, errors, done }) => {
  const { t } = vc;
  if (done) {
    return (
      <section class="report-done" id="report-form">
        <p class="flash success" role="status">
          {t('moderation.report.thanks')}
        </p>
        <p>
          <a href={url}>{title}</a>
        </p>
      </section>
    );
  }
  return (
    <section id="report-form">
      <h1>{t('moderation.report.title', { title })}</h1>
      <form method="post" action={action} class="stack report-form" hx-post={action} hx-target="#report-form" hx-swap="outerHTML">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        {errors?._form ? (
          <p class="flash error" role="alert">
            {t(errors._form)}
          </p>
        ) : null}
        <fieldset class={errors?.reason ? 'has-error' : undefined}>
          <legend>{t('moderation.report.why')}</legend>
          {reportReasonEnum.enumValues.map((reason) => (
            <label class="radio">
              <input type="radio" name="reason" value={reason} checked={values?.reason === reason} required /> {t(`moderation.report.reason.${reason}`)}
            </label>
          ))}
          {errors?.reason ? (
            <small class="error-text" role="alert">
              {t(errors.reason)}
            </small>
          ) : null}
        </fieldset>
        <div class={`field${errors?.text ? ' has-error' : ''}`}>
          <label for="f-text">{t('moderation.report.text')}</label>
          <textarea id="f-text" name="text" rows={4} maxlength={1000} aria-invalid={errors?.text ? 'true' : undefined}>
            {values?.text ?? ''}
          </textarea>
          {errors?.text ? (
            <small class="error-text" role="alert">
              {t(errors.text)}
            </small>
          ) : null}
        </div>
        <button type="submit" class="primary">
          {t('moderation.report.submit')}
        </button>
      </form>
    </section>
  );
};
