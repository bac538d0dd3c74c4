import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { avatarRoutes } from './routes/avatar.ts';
import { loginRoutes } from './routes/login.tsx';
import { logoutRoutes } from './routes/logout.ts';
import { passwordResetRoutes } from './routes/password-reset.tsx';
import { preferencesRoutes } from './routes/preferences.tsx';
import { profileRoutes } from './routes/profile.tsx';
import { registerRoutes } from './routes/register.tsx';

/** Sign-up, sign-in and out, password reset, profiles, avatars and preferences. */
export function accountRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', registerRoutes(deps));
  app.route('/', loginRoutes(deps));
  app.route('/', logoutRoutes(deps));
  app.route('/', passwordResetRoutes(deps));
  app.route('/', profileRoutes(deps));
  app.route('/', avatarRoutes(deps));
  app.route('/', preferencesRoutes(deps));
  return app;
}
