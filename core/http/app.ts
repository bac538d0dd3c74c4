import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sessionMiddleware } from '../accounts/middleware.ts';
import { accountRoutes } from '../accounts/routes.tsx';
import { adminRoutes } from '../admin/routes.tsx';
import { setupRoutes } from '../admin/setup-routes.tsx';
import { forumRoutes } from '../forum/routes.tsx';
import { unreadCountMiddleware } from '../notifications/middleware.ts';
import { notificationRoutes } from '../notifications/routes.tsx';
import { conversationsRoutes } from '../conversations/routes.tsx';
import { watchingRoutes } from '../watching/routes.tsx';
import { digestRoutes, isUnsubscribePath } from '../digests/index.ts';
import { livePollRoutes, liveRoutes } from '../live/index.ts';
import type { AppDeps } from './deps.ts';
import { onError, onNotFound, renderError } from './errors.tsx';
import { csrfProtection } from './middleware/csrf.ts';
import { localeMiddleware } from './middleware/locale.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { setupGate } from './middleware/setup-gate.ts';
import { isPersonalPath, pageCacheMiddleware } from './middleware/page-cache.ts';
import { localeRoutes } from './routes/locale.ts';
import { systemRoutes, type HealthCheck } from './routes/system.ts';

export interface AppOptions {
  healthChecks?: HealthCheck[];
}

/** The whole forum as one Hono app: system routes first, then the member-facing stack. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.use(requestContext(deps));
  app.use(securityHeaders({ https: deps.origin.startsWith('https://') }));
  app.route('/', systemRoutes(deps, options.healthChecks));

  app.use(sessionMiddleware());
  app.use(localeMiddleware());
  app.use(bodyLimit({ maxSize: deps.config.MAX_BODY_BYTES, onError: (c) => renderError(c, 413) }));
  app.use(csrfProtection({ exempt: isUnsubscribePath }));
  app.use(setupGate());
  if (deps.config.PAGE_CACHE_MS > 0) app.use(pageCacheMiddleware(deps.pageCache, { skip: isPersonalPath }));
  app.use(unreadCountMiddleware());

  app.route('/', localeRoutes());
  app.route('/', setupRoutes());
  app.route('/', accountRoutes(deps));
  app.route('/', conversationsRoutes(deps));
  app.route('/', watchingRoutes());
  app.route('/', notificationRoutes());
  app.route('/', digestRoutes(deps));
  app.route('/', liveRoutes(deps));
  app.route('/', livePollRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  deps.pluginHost.mount(app);
  app.route('/', forumRoutes(deps));

  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}
