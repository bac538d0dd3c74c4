import type { FC } from 'hono/jsx';
import { Field } from '../../../ui/form.tsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import { accessLevelEnum, type Category } from '../../schema.ts';
import { FieldError, ProblemMessage, type FormProblem } from '../form-problem.tsx';
import type { Group } from '../../../groups/schema.ts';
import { CommunityPermissionFields, communityPermissionValues } from '../../../groups/views/category-permissions.tsx';

export interface CategoryFormProps {
  vc: ViewContext;
  action: string;
  /** Values to show: the category's own, or what was submitted. */
  form: Record<string, string>;
  /** Top-level categories that can be chosen as parent. */
  parents: Category[];
  problem?: FormProblem;
  submitLabel: string;
  /** Member groups (core/groups) a category may be restricted to. */
  groups?: Pick<Group, 'id' | 'name'>[];
}

const AccessSelect: FC<{ vc: ViewContext; name: string; value: string | undefined; error?: string }> = ({ vc, name, value, error }) => (
  <div class={`field${error ? ' has-error' : ''}`}>
    <label for={`f-${name}`}>{vc.t(`forum.admin.${name}`)}</label>
    <select id={`f-${name}`} name={name}>
      {accessLevelEnum.enumValues.map((level) => (
        <option value={level} selected={value === level}>
          {vc.t(`forum.access.${level}`)}
        </option>
      ))}
    </select>
    <FieldError vc={vc} id={`f-${name}`} error={error} />
  </div>
);

export const CategoryForm: FC<CategoryFormProps> = ({ vc, action, form, parents, problem, submitLabel, groups }) => {
  const errors = problem?.fields ?? {};
  return (
    <form class="stack narrow" method="post" action={action}>
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <ProblemMessage vc={vc} problem={problem} />
      <Field vc={vc} name="name" label={vc.t('forum.admin.name')} value={form.name} errors={errors} required maxlength={60} />
      <Field vc={vc} name="slug" label={vc.t('forum.admin.slug')} value={form.slug} errors={errors} help={vc.t('forum.admin.slugHelp')} maxlength={60} />
      <div class={`field${errors.description ? ' has-error' : ''}`}>
        <label for="f-description">{vc.t('forum.admin.description')}</label>
        <textarea id="f-description" name="description" maxlength={500}>
          {form.description ?? ''}
        </textarea>
        <FieldError vc={vc} id="f-description" error={errors.description} />
      </div>
      <div class={`field${errors.color ? ' has-error' : ''}`}>
        <label for="f-color">{vc.t('forum.admin.color')}</label>
        <input id="f-color" name="color" type="color" value={form.color || '#3b82f6'} />
        <FieldError vc={vc} id="f-color" error={errors.color} />
      </div>
      <div class={`field${errors.parentId ? ' has-error' : ''}`}>
        <label for="f-parentId">{vc.t('forum.admin.parent')}</label>
        <select id="f-parentId" name="parentId">
          <option value="">{vc.t('forum.admin.noParent')}</option>
          {parents.map((p) => (
            <option value={String(p.id)} selected={form.parentId === String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        <small class="help">{vc.t('forum.admin.parentHelp')}</small>
        <FieldError vc={vc} id="f-parentId" error={errors.parentId} />
      </div>
      <fieldset>
        <legend>{vc.t('forum.admin.access')}</legend>
        <AccessSelect vc={vc} name="readAccess" value={form.readAccess} error={errors.readAccess} />
        <AccessSelect vc={vc} name="startAccess" value={form.startAccess} error={errors.startAccess} />
        <AccessSelect vc={vc} name="replyAccess" value={form.replyAccess} error={errors.replyAccess} />
      </fieldset>
      <CommunityPermissionFields vc={vc} form={form} groups={groups ?? []} />
      <div class="form-actions">
        <button type="submit" class="primary">
          {submitLabel}
        </button>
        <a href="/admin/categories">{vc.t('common.cancel')}</a>
      </div>
    </form>
  );
};

/** A category's values as form strings. */
export function categoryForm(category: Category): Record<string, string> {
  return {
    name: category.name,
    slug: category.slug,
    description: category.description,
    color: category.color,
    parentId: category.parentId === null ? '' : String(category.parentId),
    readAccess: category.readAccess,
    startAccess: category.startAccess,
    replyAccess: category.replyAccess,
    ...communityPermissionValues(category),
  };
}
