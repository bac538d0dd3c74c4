import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { findUserByUsername } from '../../accounts/service/users.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { formStrings, ValidationError, type FieldErrors } from '../../http/validation.ts';
import { addGroupMember, createGroup, deleteGroup, findGroup, groupMemberPage, listGroups, removeGroupMember, updateGroup } from '../../groups/service.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { adminLinks } from '../links.ts';
import { AdminShell } from '../views/shell.tsx';
import { GroupForm, GroupList, GroupMembers } from './views.tsx';

function id(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError(404, 'error.404.body');
  return n;
}

/** /admin/groups: member groups (志愿者, 认证商家…), their flair and members. */
export function groupAdminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  const shell = (c: Context, title: string, body: Child, status: 200 | 400 = 200) => {
    const vc = viewContext(c);
    return renderPage(c, { title, status }, <AdminShell vc={vc} links={adminLinks(c)} title={title}>{body}</AdminShell>);
  };

  const list = async (c: Context, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const vc = viewContext(c);
    return shell(
      c,
      vc.t('admin.groups'),
      <>
        {c.req.query('saved') ? (
          <p class="flash success" role="status">
            {vc.t('common.saved')}
          </p>
        ) : null}
        <GroupList vc={vc} groups={await listGroups(db)} />
        <h2>{vc.t('admin.groups.create')}</h2>
        <GroupForm vc={vc} action="/admin/groups" form={form} errors={errors} submit={vc.t('admin.groups.createSubmit')} />
      </>,
      status,
    );
  };

  const edit = async (c: Context, form?: Record<string, string>, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const vc = viewContext(c);
    const group = await findGroup(db, id(c.req.param('id')));
    if (!group) throw new UserError(404, 'error.404.body');
    const members = await groupMemberPage(db, group.id, c.req.query('after') ?? null);
    const values = form ?? { name: group.name, description: group.description, flair: group.flair, flairColor: group.flairColor };
    return shell(
      c,
      vc.t('admin.groups.editTitle', { name: group.name }),
      <>
        {c.req.query('saved') ? (
          <p class="flash success" role="status">
            {vc.t('common.saved')}
          </p>
        ) : null}
        <GroupForm vc={vc} action={`/admin/groups/${group.id}`} form={values} errors={errors} submit={vc.t('common.save')} />
        <form method="post" action={`/admin/groups/${group.id}/delete`}>
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="button danger" data-confirm={vc.t('admin.groups.deleteConfirm', { name: group.name })}>
            {vc.t('admin.groups.delete')}
          </button>
        </form>
        <GroupMembers vc={vc} group={group} members={members.items} next={members.next} errors={errors} />
      </>,
      status,
    );
  };

  app.get('/', (c) => list(c));

  app.post('/', async (c) => {
    const form = formStrings(await c.req.parseBody());
    try {
      const group = await createGroup(db, c.get('user')!, form);
      return c.redirect(`/admin/groups/${group.id}?saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return list(c, form, error.fields, 400);
      throw error;
    }
  });

  app.get('/:id{[0-9]+}', (c) => edit(c));

  app.post('/:id{[0-9]+}', async (c) => {
    const form = formStrings(await c.req.parseBody());
    try {
      await updateGroup(db, c.get('user')!, id(c.req.param('id')), form);
      return c.redirect(`/admin/groups/${c.req.param('id')}?saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return edit(c, form, error.fields, 400);
      throw error;
    }
  });

  app.post('/:id{[0-9]+}/delete', async (c) => {
    await deleteGroup(db, c.get('user')!, id(c.req.param('id')));
    return c.redirect('/admin/groups?saved=1', 303);
  });

  app.post('/:id{[0-9]+}/members', async (c) => {
    const form = formStrings(await c.req.parseBody());
    const member = await findUserByUsername(db, (form.username ?? '').replace(/^@/, '').trim());
    if (!member) return edit(c, undefined, { username: 'admin.groups.member.unknown' }, 400);
    await addGroupMember(db, c.get('user')!, id(c.req.param('id')), member.id);
    return c.redirect(`/admin/groups/${c.req.param('id')}?saved=1`, 303);
  });

  app.post('/:id{[0-9]+}/members/:userId{[0-9]+}/remove', async (c) => {
    await removeGroupMember(db, c.get('user')!, id(c.req.param('id')), id(c.req.param('userId')));
    return c.redirect(`/admin/groups/${c.req.param('id')}?saved=1`, 303);
  });

  return app;
}
