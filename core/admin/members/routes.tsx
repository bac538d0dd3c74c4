import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { findUserByUsername } from '../../accounts/service/users.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { formStrings, ValidationError } from '../../http/validation.ts';
import { allCategories } from '../../forum/service/category-cache.ts';
import { addGroupMember, groupsByIds, listGroups, removeGroupMember } from '../../groups/service.ts';
import { invitedBy } from '../../invites/service.ts';
import { sanctionsOf } from '../../moderation/service/sanctions.ts';
import { answersOf } from '../../onboarding/register.ts';
import { addCategoryModerator, moderatedCategories, recomputeTrustLevel, removeCategoryModerator, setTrustLevel, trustHistory } from '../../trust/index.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { adminLinks } from '../links.ts';
import { AdminShell } from '../views/shell.tsx';
import { changeRole, memberById, memberCounts, searchMembers } from './service.ts';
import { MemberPage, MemberSearch } from './views.tsx';

function id(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError(404, 'error.404.body');
  return n;
}

/** /admin/members: find members, see their activity, change role, groups, trust level and scoped moderation. */
export function memberAdminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  const shell = (c: Context, title: string, body: Child, status: 200 | 400 | 409 = 200) => {
    const vc = viewContext(c);
    return renderPage(c, { title, status }, <AdminShell vc={vc} links={adminLinks(c)} title={title}>{body}</AdminShell>);
  };

  app.get('/', async (c) => {
    const vc = viewContext(c);
    const q = c.req.query('q') ?? '';
    const before = Number(c.req.query('before')) || null;
    const result = await searchMembers(db, q, before);
    return shell(c, vc.t('admin.members'), <MemberSearch vc={vc} q={q} items={result.items} next={result.next} />);
  });

  const memberPage = async (c: Context, error?: string, status: 200 | 400 | 409 = 200) => {
    const vc = viewContext(c);
    const member = await memberById(db, id(c.req.param('id')));
    if (!member) throw new UserError(404, 'error.404.body');
    const [counts, history, groups, allGroupList, moderates, categories, inviter, registration, sanctions] = await Promise.all([
      memberCounts(db, member.id),
      trustHistory(db, member.id),
      groupsByIds(db, member.groupIds),
      listGroups(db),
      moderatedCategories(db, member.id),
      allCategories(db),
      invitedBy(db, member.id),
      answersOf(db, member.id),
      sanctionsOf(db, member.id, 20),
    ]);
    return shell(
      c,
      `${member.displayName} (@${member.username})`,
      <MemberPage
        vc={vc}
        member={member}
        counts={counts}
        history={history}
        groups={groups}
        allGroups={allGroupList}
        moderates={moderates}
        categories={categories}
        inviter={inviter ?? null}
        answers={registration?.answers ?? []}
        sanctions={sanctions}
        error={error}
        saved={c.req.query('saved') === '1'}
      />,
      status,
    );
  };

  app.get('/:id{[0-9]+}', (c) => memberPage(c));

  const act = (path: string, work: (c: Context, memberId: number, form: Record<string, string>) => Promise<void>) => {
    app.post(`/:id{[0-9]+}/${path}`, async (c) => {
      const memberId = id(c.req.param('id'));
      const form = formStrings(await c.req.parseBody());
      try {
        await work(c, memberId, form);
      } catch (error) {
        if (error instanceof ValidationError) return memberPage(c, Object.values(error.fields)[0] ?? 'error.400.body', 400);
        if (error instanceof UserError && (error.status === 400 || error.status === 409)) return memberPage(c, error.messageKey, error.status);
        throw error;
      }
      return c.redirect(`/admin/members/${memberId}?saved=1`, 303);
    });
  };

  act('role', (c, memberId, form) => changeRole(db, c.get('user')!, memberId, { role: form.role as 'member', reason: form.reason }));
  act('trust', (c, memberId, form) => setTrustLevel(db, c.get('user')!, memberId, { level: form.level ?? '', locked: form.locked, note: form.note }));
  act('recompute', async (_c, memberId) => {
    await recomputeTrustLevel(db, memberId);
  });
  act('groups', async (c, memberId, form) => {
    await addGroupMember(db, c.get('user')!, id(form.groupId), memberId);
  });
  act('groups/remove', async (c, memberId, form) => {
    await removeGroupMember(db, c.get('user')!, id(form.groupId), memberId);
  });
  act('moderates', (c, memberId, form) => addCategoryModerator(db, c.get('user')!, id(form.categoryId), memberId));
  act('moderates/remove', (c, memberId, form) => removeCategoryModerator(db, c.get('user')!, id(form.categoryId), memberId));

  // find by username (links from elsewhere: /admin/members/by/alice)
  app.get('/by/:username', async (c) => {
    const member = await findUserByUsername(db, c.req.param('username'));
    if (!member) throw new UserError(404, 'error.404.body');
    return c.redirect(`/admin/members/${member.id}`, 302);
  });

  return app;
}
