import { Hono, type Context } from 'hono';
import { UserError } from '../http/errors.tsx';
import { formStrings, ValidationError, type FieldErrors } from '../http/validation.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { canInvite, createInvite, inviteesOf, inviteLeaderboard, invitesOf, leaderboardPeriods, revokeInvite, type LeaderboardPeriod } from './service.ts';
import { inviteSettings } from './settings.ts';
import { InvitesPage, LeaderboardPage } from './views/pages.tsx';

/** /invites: a member's invite links; /invites/leaderboard: who brought the most people (裂变). */
export function inviteRoutes(): Hono {
  const app = new Hono();

  const page = async (c: Context, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const user = c.get('user');
    if (!user) return c.redirect(`/login?next=${encodeURIComponent('/invites')}`, 302);
    const vc = viewContext(c);
    const { db } = c.get('deps');
    const settings = await inviteSettings(db);
    const [mine, invitees] = await Promise.all([invitesOf(db, user.id), inviteesOf(db, user.id)]);
    return renderPage(
      c,
      { title: vc.t('invites.title'), status },
      <InvitesPage
        vc={vc}
        allowed={canInvite(user, settings)}
        settings={settings}
        invites={mine}
        invitees={invitees}
        form={form}
        errors={errors}
        created={c.req.query('created') ?? null}
      />,
    );
  };

  app.get('/invites', (c) => page(c));

  app.post('/invites', async (c) => {
    const user = c.get('user');
    if (!user) throw new UserError(403, 'forum.loginRequired');
    const form = formStrings(await c.req.parseBody());
    try {
      const invite = await createInvite(c.get('deps').db, user, { maxUses: form.maxUses ?? '', days: form.days ?? '' });
      return c.redirect(`/invites?created=${encodeURIComponent(invite.code)}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return page(c, form, error.fields, 400);
      throw error;
    }
  });

  app.post('/invites/:id{[0-9]+}/revoke', async (c) => {
    const user = c.get('user');
    if (!user) throw new UserError(403, 'forum.loginRequired');
    await revokeInvite(c.get('deps').db, user, Number(c.req.param('id')));
    return c.redirect('/invites', 303);
  });

  app.get('/invites/leaderboard', async (c) => {
    const vc = viewContext(c);
    const requested = c.req.query('period') ?? 'month';
    const period: LeaderboardPeriod = requested in leaderboardPeriods ? (requested as LeaderboardPeriod) : 'month';
    const rows = await inviteLeaderboard(c.get('deps').db, period);
    return renderPage(c, { title: vc.t('invites.leaderboard.title') }, <LeaderboardPage vc={vc} period={period} rows={rows} />);
  });

  return app;
}
