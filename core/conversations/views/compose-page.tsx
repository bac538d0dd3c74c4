import type { FC } from 'hono/jsx';
import { Field } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { MAX_MESSAGE_CHARS, MAX_RECIPIENTS } from '../service/input.ts';
import { FieldError, ProblemMessage, type Problem } from './problem.tsx';

export const MessageBody: FC<{ vc: ViewContext; id: string; value?: string; error?: string; label: string }> = ({ vc, id, value, error, label }) => (
  <div class={`field${error ? ' has-error' : ''}`}>
    <label for={id}>{label}</label>
    <textarea
      id={id}
      name="raw"
      required
      maxlength={MAX_MESSAGE_CHARS}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${id}-error` : `${id}-help`}
    >
      {value ?? ''}
    </textarea>
    <small id={`${id}-help`} class="help">
      {vc.t('conversations.markdownHelp')}
    </small>
    <FieldError vc={vc} id={id} error={error} />
  </div>
);

/** Starting a conversation: recipients by username, an optional title, the first message. */
export const ComposePage: FC<{ vc: ViewContext; form: Record<string, string>; problem?: Problem }> = ({ vc, form, problem }) => {
  const errors = problem?.fields;
  return (
    <section class="compose">
      <h1>{vc.t('conversations.new')}</h1>
      <form class="stack" method="post" action="/messages">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <ProblemMessage vc={vc} problem={problem} />
        <Field
          vc={vc}
          name="to"
          label={vc.t('conversations.to')}
          value={form.to}
          errors={errors}
          required
          autocomplete="off"
          help={vc.t('conversations.toHelp', { max: MAX_RECIPIENTS })}
        />
        <Field vc={vc} name="title" label={vc.t('conversations.title')} value={form.title} errors={errors} maxlength={200} />
        <MessageBody vc={vc} id="f-raw" value={form.raw} error={errors?.raw} label={vc.t('conversations.message')} />
        <div class="form-actions">
          <button type="submit" class="primary">
            {vc.t('conversations.send')}
          </button>
        </div>
      </form>
    </section>
  );
};
