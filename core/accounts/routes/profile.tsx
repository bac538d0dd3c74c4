import { Hono } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { isHtmx } from '../http.tsx';
import { memberActivity, parseActivityCursor } from '../service/activity.ts';
import { findUserByUsername } from '../service/users.ts';
import { ActivityItems } from '../views/activity-list.tsx';
import { ProfilePage } from '../views/profile-page.tsx';

export function profileRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/u/:username', async (c) => {
    const requested = c.req.param('username');
    const profile = await findUserByUsername(deps.db, requested);
    if (!profile) throw new UserError(404, 'error.404.body');
    const basePath = `/u/${encodeURIComponent(profile.username)}`;
    // "ALICE", or a look-alike spelling, is the same member: one canonical address
    if (requested !== profile.username) {
      const query = new URL(c.req.url).search;
      return c.redirect(`${basePath}${query}`, 301);
    }
    const vc = viewContext(c);
    const before = parseActivityCursor(c.req.query('before'));
    const activity = await memberActivity(deps.db, profile.id, c.get('user'), before);
    if (before && isHtmx(c)) return c.html(<ActivityItems vc={vc} {...activity} basePath={basePath} />);
    return renderPage(
      c,
      {
        title: `${profile.displayName} (@${profile.username})`,
        description: profile.bio ? profile.bio.slice(0, 160) : undefined,
        canonical: `${deps.origin}${basePath}`,
      },
      <ProfilePage vc={vc} profile={profile} activity={activity} basePath={basePath} />,
    );
  });

  return app;
}
