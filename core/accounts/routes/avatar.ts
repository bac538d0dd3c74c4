import { Hono } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { avatarSvg, avatarUrl } from '../service/avatar.ts';
import { findUserByUsername } from '../service/users.ts';

export function avatarRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/avatar/:file{[^/]+\\.svg}', async (c) => {
    const username = c.req.param('file').slice(0, -'.svg'.length);
    const user = await findUserByUsername(deps.db, username);
    if (!user) throw new UserError(404, 'error.404.body');
    if (user.avatarKey) {
      // an uploaded avatar (core/uploads): its file is immutable, this pointer to it changes
      c.header('Cache-Control', 'public, max-age=300');
      const res = c.redirect(avatarUrl(user), 302);
      res.headers.delete('Set-Cookie');
      return res;
    }
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    // the picture is the same for every visitor, whatever their cookies or language
    c.header('Vary', 'Accept-Encoding');
    const res = c.body(avatarSvg(user.displayName, user.usernameKey));
    // a shared cache must never store (and hand out) someone's session or CSRF cookie
    res.headers.delete('Set-Cookie');
    return res;
  });

  return app;
}
