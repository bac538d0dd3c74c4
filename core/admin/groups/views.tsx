import type { FC } from 'hono/jsx';
import { flairColor, flairColors } from '../../groups/flair.ts';
import type { Group } from '../../groups/schema.ts';
import { Flairs } from '../../groups/views/flairs.tsx';
import type { FieldErrors } from '../../http/validation.ts';
import { Field, FormError } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

export const GroupList: FC<{ vc: ViewContext; groups: Group[] }> = ({ vc, groups }) =>
  groups.length === 0 ? (
    <p class="empty">{vc.t('admin.groups.none')}</p>
  ) : (
    <table class="data-table groups-table">
      <thead>
        <tr>
          <th>{vc.t('admin.groups.name')}</th>
          <th>{vc.t('admin.groups.flair')}</th>
          <th>{vc.t('admin.groups.members')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr>
            <td>
              <a href={`/admin/groups/${g.id}`}>{g.name}</a>
            </td>
            <td>
              <Flairs flairs={g.flair ? [{ groupId: g.id, label: g.flair, color: flairColor(g.flairColor), name: g.name }] : []} />
            </td>
            <td>{vc.tr.number(g.memberCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const GroupForm: FC<{ vc: ViewContext; action: string; form: Record<string, string>; errors: FieldErrors; submit: string }> = ({ vc, action, form, errors, submit }) => (
  <form method="post" action={action} class="stack narrow">
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    <FormError vc={vc} errors={errors} />
    <Field vc={vc} name="name" label={vc.t('admin.groups.name')} value={form.name} errors={errors} required maxlength={40} />
    <Field vc={vc} name="description" label={vc.t('admin.groups.description')} value={form.description} errors={errors} maxlength={300} />
    <Field vc={vc} name="flair" label={vc.t('admin.groups.flair')} help={vc.t('admin.groups.flairHelp')} value={form.flair} errors={errors} maxlength={16} />
    <div class="field">
      <label for="f-flairColor">{vc.t('admin.groups.flairColor')}</label>
      <select id="f-flairColor" name="flairColor">
        {flairColors.map((color) => (
          <option value={color} selected={(form.flairColor ?? 'gray') === color}>
            {vc.t(`groups.color.${color}`)}
          </option>
        ))}
      </select>
    </div>
    <button type="submit" class="button primary">
      {submit}
    </button>
  </form>
);

export const GroupMembers: FC<{
  vc: ViewContext;
  group: Group;
  members: { id: number; username: string; displayName: string }[];
  next: string | null;
  errors: FieldErrors;
}> = ({ vc, group, members, next, errors }) => (
  <section class="group-members">
    <h2>{vc.t('admin.groups.members')}</h2>
    <form method="post" action={`/admin/groups/${group.id}/members`} class="inline">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <Field vc={vc} name="username" label={vc.t('admin.groups.addMember')} errors={errors} required />
      <button type="submit" class="button">
        {vc.t('admin.members.groups.addSubmit')}
      </button>
    </form>
    <ul>
      {members.map((m) => (
        <li>
          <a href={`/admin/members/${m.id}`}>{m.displayName}</a> <span class="muted">@{m.username}</span>{' '}
          <form method="post" action={`/admin/groups/${group.id}/members/${m.id}/remove`} class="inline">
            <input type="hidden" name="_csrf" value={vc.csrfToken} />
            <button type="submit" class="link danger" data-confirm={vc.t('admin.members.groups.removeConfirm', { group: group.name })}>
              {vc.t('admin.members.groups.remove')}
            </button>
          </form>
        </li>
      ))}
    </ul>
    {next ? <a href={`/admin/groups/${group.id}?after=${encodeURIComponent(next)}`}>{vc.t('admin.members.more')}</a> : null}
  </section>
);
