import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import { SubmissionKey } from '../../ui/submission-key.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Category, Thread } from '../schema.ts';
import { MAX_POST_CHARS } from '../service/post-input.ts';
import { FieldError, ProblemMessage, type FormProblem } from './form-problem.tsx';

export interface ReplyFormProps {
  vc: ViewContext;
  thread: Thread;
  category: Category;
  value?: string;
  problem?: FormProblem;
  /** On the thread page (default): htmx appends the new post. On its own page: a plain form. */
  inline?: boolean;
}

/**
 * With htmx the new post is appended to #posts and forum.js empties the form (data-reset-on-success);
 * a refused reply comes back as this form, re-targeted onto itself.
 */
export const ReplyForm: FC<ReplyFormProps> = ({ vc, thread, category, value, problem, inline = true }) => {
  const error = problem?.fields?.raw;
  const action = `/t/${thread.id}/reply`;
  return (
    <form
      id="reply-form"
      class="reply-form"
      method="post"
      action={action}
      hx-post={inline ? action : undefined}
      hx-target={inline ? '#posts' : undefined}
      hx-swap={inline ? 'beforeend' : undefined}
      data-reset-on-success={inline ? '' : undefined}
    >
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <SubmissionKey vc={vc} />
      <ProblemMessage vc={vc} problem={problem} />
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for="reply-raw">{vc.t('forum.reply.label')}</label>
        <textarea
          id="reply-raw"
          name="raw"
          required
          maxlength={MAX_POST_CHARS}
          placeholder={vc.t('forum.reply.placeholder')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'reply-raw-error' : 'reply-raw-help'}
        >
          {value ?? ''}
        </textarea>
        <small id="reply-raw-help" class="help">
          {vc.t('forum.composer.markdownHelp')}
        </small>
        <FieldError vc={vc} id="reply-raw" error={error} />
      </div>
      <Slot name="composer.extras" vc={vc} categoryId={category.id} category={category} mode="reply" />
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('forum.reply.submit')}
        </button>
      </div>
    </form>
  );
};

/** Instead of the form: why this viewer cannot reply here. */
export const ReplyNotice: FC<{ vc: ViewContext; thread: Thread }> = ({ vc, thread }) => {
  if (!vc.user) {
    return (
      <p class="reply-notice card">
        <a href={`/login?next=${encodeURIComponent(vc.path)}`}>{vc.t('nav.login')}</a> {vc.t('forum.reply.loginToReply')}
      </p>
    );
  }
  return <p class="reply-notice muted">{vc.t(thread.locked ? 'forum.reply.lockedNotice' : 'forum.reply.notAllowedNotice')}</p>;
};
