import { SubmissionKey } from '../../ui/submission-key.tsx';
import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import { Field } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Category } from '../schema.ts';
import { MAX_POST_CHARS } from '../service/post-input.ts';
import { MAX_TAGS } from '../service/tags.ts';
import { FieldError, ProblemMessage, type FormProblem } from './form-problem.tsx';

export interface ComposerProps {
  vc: ViewContext;
  /** Categories the member may start a thread in, parents before their sub-categories. */
  categories: Category[];
  selected: Category | null;
  form: Record<string, string>;
  problem?: FormProblem;
}

const CategoryPicker: FC<{ vc: ViewContext; categories: Category[]; selectedId: number | null; error?: string }> = ({
  vc,
  categories,
  selectedId,
  error,
}) => (
  <div class={`field${error ? ' has-error' : ''}`}>
    <label for="f-categoryId">{vc.t('forum.composer.category')}</label>
    <select id="f-categoryId" name="categoryId" required aria-invalid={error ? 'true' : undefined}>
      <option value="">{vc.t('forum.composer.chooseCategory')}</option>
      {categories.map((c) => (
        <option value={String(c.id)} selected={c.id === selectedId}>
          {c.parentId === null ? c.name : `— ${c.name}`}
        </option>
      ))}
    </select>
    <FieldError vc={vc} id="f-categoryId" error={error} />
  </div>
);

export const Composer: FC<ComposerProps> = ({ vc, categories, selected, form, problem }) => {
  const errors = problem?.fields;
  const rawError = errors?.raw;
  return (
    <form class="composer stack" method="post" action="/new">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <SubmissionKey />
      <ProblemMessage vc={vc} problem={problem} />
      <CategoryPicker vc={vc} categories={categories} selectedId={selected?.id ?? null} error={errors?.categoryId} />
      <Field vc={vc} name="title" label={vc.t('forum.composer.title')} value={form.title} errors={errors} required maxlength={200} />
      {/* similar threads while the title is typed (core/search): helps avoid duplicates */}
      <div id="similar-threads" class="similar-threads" aria-live="polite" hx-get="/search/similar" hx-trigger="input delay:500ms from:#f-title" hx-include="#f-title" hx-swap="innerHTML"></div>
      <Field
        vc={vc}
        name="tags"
        label={vc.t('forum.composer.tags')}
        value={form.tags}
        errors={errors}
        help={vc.t(vc.site.restrictTags ? 'forum.composer.tagsHelpRestricted' : 'forum.composer.tagsHelp', { max: MAX_TAGS })}
      />
      <Field vc={vc} name="source" label={vc.t('forum.composer.source')} value={form.source} errors={errors} help={vc.t('forum.composer.sourceHelp')} maxlength={300} />
      <div class={`field${rawError ? ' has-error' : ''}`}>
        <label for="f-raw">{vc.t('forum.composer.body')}</label>
        <textarea id="f-raw" name="raw" required maxlength={MAX_POST_CHARS} aria-invalid={rawError ? 'true' : undefined} aria-describedby="f-raw-help">
          {form.raw ?? ''}
        </textarea>
        <small id="f-raw-help" class="help">
          {vc.t('forum.composer.markdownHelp')}
        </small>
        <FieldError vc={vc} id="f-raw" error={rawError} />
      </div>
      <Slot name="composer.extras" vc={vc} categoryId={selected?.id ?? null} category={selected} mode="thread" form={form} errors={problem?.fields} />
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('forum.composer.submit')}
        </button>
      </div>
    </form>
  );
};
