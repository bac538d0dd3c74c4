import { Hono, type Context } from 'hono';
import { findUserByUsername } from '../../accounts/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { blockUser, unblockUser } from '../service/blocks.ts';
import { BlockButton } from '../views/profile-actions.tsx';
import { isHtmx, redirectAfterPost } from './http.ts';

/** POST /u/:username/block and /unblock: the updated button for htmx, else back to the profile. */
export function blockRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  const handle = (blocked: boolean) => async (c: Context) => {
    const user = c.get('user');
    const name = c.req.param('username') ?? '';
    if (!user) return redirectAfterPost(c, `/login?next=${encodeURIComponent(`/u/${name}`)}`);
    const target = await findUserByUsername(deps.db, name);
    if (!target) throw new UserError(404, 'error.404.body');
    if (blocked) await blockUser(deps.db, user, target);
    else await unblockUser(deps.db, user.id, target.id);
    if (isHtmx(c)) return c.html(<BlockButton vc={viewContext(c)} username={target.username} blocked={blocked} done />);
    return c.redirect(`/u/${encodeURIComponent(target.username)}`, 303);
  };
  app.post('/u/:username/block', handle(true));
  app.post('/u/:username/unblock', handle(false));

  return app;
}
