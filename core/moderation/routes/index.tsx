import { Hono } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { logRoutes } from './log.tsx';
import { memberRoutes } from './members.tsx';
import { reportRoutes } from './report.tsx';
import { reviewRoutes } from './review.tsx';
import { rulesRoutes } from './rules.tsx';
import { settingsRoutes } from './settings.tsx';
import { threadToolRoutes } from './threads.tsx';

/** Every moderation page: rules, reports, the review queue, the log, sanctions, settings and thread tools. */
export function moderationRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', rulesRoutes(deps));
  app.route('/', reportRoutes(deps));
  // specific /review/... pages before the queue's /review/:source/:key/:action
  app.route('/', logRoutes(deps));
  app.route('/', memberRoutes(deps));
  app.route('/', settingsRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', threadToolRoutes(deps));
  return app;
}
