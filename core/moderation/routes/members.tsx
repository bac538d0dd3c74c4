import { Hono } from 'hono';
import { findUserByUsername } from '../../accounts/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { ValidationError } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { applySanction, canSanction, liftSanction, sanctionsOf, type SanctionInput } from '../service/sanctions.ts';
import { MemberModerationPage, StandingPage } from '../views/member-page.tsx';
import { currentUser, formBody, idOf, membersOnly, redirectAfterPost, staffOnly } from './http.ts';

/** Sanctions: staff see and act on a member (/review/users/:username); members see their own standing. */
export function memberRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  app.get('/standing', membersOnly, async (c) => {
    const sanctions = await sanctionsOf(db, currentUser(c).id);
    return renderPage(c, { title: c.get('t').t('moderation.standing.title') }, <StandingPage vc={viewContext(c)} sanctions={sanctions} />);
  });

  app.get('/review/users/:username', staffOnly, async (c) => {
    const member = await findUserByUsername(db, c.req.param('username'));
    if (!member) throw new UserError(404, 'error.404.body');
    const sanctions = await sanctionsOf(db, member.id);
    return renderPage(
      c,
      { title: c.get('t').t('moderation.member.title', { name: member.displayName }) },
      <MemberModerationPage vc={viewContext(c)} member={member} sanctions={sanctions} canSanction={canSanction(currentUser(c), member)} done={c.req.query('done') === '1'} />,
    );
  });

  app.post('/review/users/:username/sanction', staffOnly, async (c) => {
    const member = await findUserByUsername(db, c.req.param('username'));
    if (!member) throw new UserError(404, 'error.404.body');
    const form = await formBody(c);
    try {
      await applySanction({ db, hooks: deps.plugins.hooks }, { actor: currentUser(c), target: member, ...(form as SanctionInput) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const sanctions = await sanctionsOf(db, member.id);
      return renderPage(
        c,
        { title: c.get('t').t('moderation.member.title', { name: member.displayName }), status: 422 },
        <MemberModerationPage vc={viewContext(c)} member={member} sanctions={sanctions} canSanction values={form} errors={error.fields} />,
      );
    }
    return redirectAfterPost(c, `/review/users/${encodeURIComponent(member.username)}?done=1`);
  });

  app.post('/review/sanctions/:id/lift', staffOnly, async (c) => {
    const form = await formBody(c);
    const lifted = await liftSanction(db, { actor: currentUser(c), sanctionId: idOf(c.req.param('id')), reason: form.reason });
    const [member] = await Promise.all([db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, lifted.userId) })]);
    return redirectAfterPost(c, member ? `/review/users/${encodeURIComponent(member.username)}?done=1` : '/review');
  });

  return app;
}
