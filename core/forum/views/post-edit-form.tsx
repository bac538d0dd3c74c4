import type { FC } from 'hono/jsx';
import { Field } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Post, Thread } from '../schema.ts';
import { MAX_POST_CHARS } from '../service/post-input.ts';
import { FieldError, ProblemMessage, type FormProblem } from './form-problem.tsx';

export interface PostEditFormProps {
  vc: ViewContext;
  post: Post;
  thread: Thread;
  form?: { raw?: string; title?: string };
  problem?: FormProblem;
  /** False for someone editing a wiki post's text only (core/trust `editWiki`): the title is not theirs to change. */
  withTitle?: boolean;
}

/** Editing in place: this article replaces the post, and the saved post replaces it (htmx), or a page of its own. */
export const PostEditForm: FC<PostEditFormProps> = ({ vc, post, thread, form, problem, withTitle = true }) => {
  const action = `/p/${post.id}/edit`;
  const rawError = problem?.fields?.raw;
  const swap = { 'hx-target': 'closest article', 'hx-swap': 'outerHTML' };
  return (
    <article class="post editing" id={`post-${post.number}`} data-post-id={post.id}>
      <form class="stack" method="post" action={action} hx-post={action} {...swap}>
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <ProblemMessage vc={vc} problem={problem} />
        {post.number === 1 && withTitle ? (
          <Field vc={vc} name="title" label={vc.t('forum.composer.title')} value={form?.title ?? thread.title} errors={problem?.fields} required maxlength={200} />
        ) : null}
        <div class={`field${rawError ? ' has-error' : ''}`}>
          <label for={`edit-raw-${post.id}`}>{vc.t('forum.edit.label')}</label>
          <textarea id={`edit-raw-${post.id}`} name="raw" required maxlength={MAX_POST_CHARS} aria-invalid={rawError ? 'true' : undefined}>
            {form?.raw ?? post.raw}
          </textarea>
          <FieldError vc={vc} id={`edit-raw-${post.id}`} error={rawError} />
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">
            {vc.t('common.save')}
          </button>
          <a class="button" href={`/p/${post.id}`} hx-get={`/p/${post.id}`} {...swap}>
            {vc.t('common.cancel')}
          </a>
        </div>
      </form>
    </article>
  );
};
