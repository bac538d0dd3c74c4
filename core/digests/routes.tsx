import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { emailPreferencesRoutes } from './routes/preferences.tsx';
import { unsubscribeRoutes } from './routes/unsubscribe.tsx';

/** Member-facing email pages: /preferences/email and /unsubscribe/:token. */
export function digestRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', emailPreferencesRoutes(deps));
  app.route('/', unsubscribeRoutes(deps));
  return app;
}

/** The one path exempt from the CSRF check (see routes/unsubscribe.tsx). */
export function isUnsubscribePath(path: string): boolean {
  return path.startsWith('/unsubscribe/');
}
