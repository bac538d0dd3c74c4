import type { FC } from 'hono/jsx';
import { Field } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { canEditTitle, canRecategorise } from '../permissions.ts';
import type { Category, Thread } from '../schema.ts';
import { threadPath } from '../service/slug.ts';
import { FieldError, ProblemMessage, type FormProblem } from './form-problem.tsx';

/** What the thread header shows in place of its title or its controls while a member edits them. */
export type HeaderEditing =
  | { kind: 'title'; value?: string; problem?: FormProblem }
  | { kind: 'category'; targets: Category[]; value?: string; problem?: FormProblem };

interface FormProps {
  vc: ViewContext;
  thread: Thread;
  /** In the thread header with htmx (the header is swapped), or on a page of its own (a plain form). */
  inPlace: boolean;
}

const swapHeader = { 'hx-target': '#thread-header', 'hx-swap': 'outerHTML' };

const CancelLink: FC<FormProps> = ({ vc, thread, inPlace }) => (
  <a class="button" href={threadPath(thread)} {...(inPlace ? { 'hx-get': `/t/${thread.id}/edit/header`, ...swapHeader } : {})}>
    {vc.t('common.cancel')}
  </a>
);

/** Only the title: trusted members (`editTitles`) never get the opening post's text this way. */
export const TitleForm: FC<FormProps & { value?: string; problem?: FormProblem }> = ({ vc, thread, inPlace, value, problem }) => {
  const action = `/t/${thread.id}/edit/title`;
  return (
    <form class="title-edit stack" method="post" action={action} {...(inPlace ? { 'hx-post': action, ...swapHeader } : {})}>
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <ProblemMessage vc={vc} problem={problem} />
      <Field vc={vc} name="title" label={vc.t('forum.title.label')} value={value ?? thread.title} errors={problem?.fields} required maxlength={200} />
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('common.save')}
        </button>
        <CancelLink vc={vc} thread={thread} inPlace={inPlace} />
      </div>
    </form>
  );
};

/** The categories a member may move the thread to (sub-categories indented under their parent). */
export const CategoryForm: FC<FormProps & { targets: Category[]; value?: string; problem?: FormProblem }> = ({ vc, thread, inPlace, targets, value, problem }) => {
  const action = `/t/${thread.id}/edit/category`;
  const id = 'f-move-category';
  const error = problem?.fields?.categoryId;
  const selected = value ?? String(thread.categoryId);
  return (
    <form class="category-edit inline" method="post" action={action} {...(inPlace ? { 'hx-post': action, ...swapHeader } : {})}>
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <ProblemMessage vc={vc} problem={problem} />
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={id}>{vc.t('forum.move.label')}</label>
        <select id={id} name="categoryId" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          {targets.map((c) => (
            <option value={String(c.id)} selected={String(c.id) === selected}>
              {c.parentId === null ? c.name : `— ${c.name}`}
            </option>
          ))}
        </select>
        <FieldError vc={vc} id={id} error={error} />
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('forum.move.submit')}
        </button>
        <CancelLink vc={vc} thread={thread} inPlace={inPlace} />
      </div>
    </form>
  );
};

/**
 * "Edit title" and "Change category" on the thread header, for members whose trust level unlocks them
 * (core/trust `editTitles`, `recategorise`) and for staff. Links that work without JavaScript; with htmx
 * the header is swapped for one holding the form.
 */
export const CommunityControls: FC<{ vc: ViewContext; thread: Thread; category: Category; parent: Category | null; editing?: HeaderEditing }> = ({
  vc,
  thread,
  category,
  parent,
  editing,
}) => {
  const scope = { thread, category, parent };
  const title = canEditTitle(vc.user, scope) && editing?.kind !== 'title';
  const move = canRecategorise(vc.user, scope);
  if (!title && !move) return null;
  return (
    <div class="member-controls" role="group" aria-label={vc.t('forum.members.label')}>
      {title ? (
        <a class="button small" href={`/t/${thread.id}/edit/title`} hx-get={`/t/${thread.id}/edit/title`} {...swapHeader}>
          {vc.t('forum.title.edit')}
        </a>
      ) : null}
      {move && editing?.kind === 'category' ? (
        <CategoryForm vc={vc} thread={thread} inPlace targets={editing.targets} value={editing.value} problem={editing.problem} />
      ) : move ? (
        <a class="button small" href={`/t/${thread.id}/edit/category`} hx-get={`/t/${thread.id}/edit/category`} {...swapHeader}>
          {vc.t('forum.move.change')}
        </a>
      ) : null}
    </div>
  );
};
