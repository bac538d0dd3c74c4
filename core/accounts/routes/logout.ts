import { Hono } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { clearSessionCookie } from '../../http/cookies.ts';
import { redirectAfterPost } from '../http.tsx';
import { invalidateSession, invalidateUserSessions } from '../service/sessions.ts';

export function logoutRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.post('/logout', async (c) => {
    const session = c.get('session');
    if (session) await invalidateSession(deps.db, session.id);
    clearSessionCookie(c);
    return redirectAfterPost(c, '/');
  });

  /** Every device: what a member does after losing a phone or using a shared computer. */
  app.post('/logout/all', async (c) => {
    const user = c.get('user');
    if (!user) return redirectAfterPost(c, `/login?next=${encodeURIComponent('/preferences')}`);
    await invalidateUserSessions(deps.db, user.id);
    clearSessionCookie(c);
    c.get('log').info({ userId: user.id }, 'signed out everywhere');
    return redirectAfterPost(c, '/');
  });

  return app;
}
