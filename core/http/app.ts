import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { guestLaneFor, laneForFetch } from './guest-lane.ts';
import { memberLaneFor, memberLaneForFetch } from './member-pages/lane.ts';
import { sessionMiddleware } from '../accounts/middleware.ts';
import { activityMiddleware } from '../activity/index.ts';
import { accountRoutes } from '../accounts/routes.tsx';
import { adminRoutes } from '../admin/routes.tsx';
import { setupRoutes } from '../admin/setup-routes.tsx';
import { forumRoutes } from '../forum/routes.tsx';
import { searchRoutes } from '../search/routes.tsx';
import { inviteRoutes } from '../invites/routes.tsx';
import { schedulingRoutes } from '../scheduling/routes.tsx';
import { unreadCountMiddleware } from '../notifications/middleware.ts';
import { notificationRoutes } from '../notifications/routes.tsx';
import { conversationsRoutes } from '../conversations/routes.tsx';
import { watchingRoutes } from '../watching/routes.tsx';
import { digestRoutes, isUnsubscribePath } from '../digests/index.ts';
import { livePollRoutes, liveRoutes } from '../live/index.ts';
import { requestBodyLimit, uploadFileRoutes, uploadRoutes } from '../uploads/index.ts';
import { moderationRoutes, standingMiddleware } from '../moderation/index.ts';
import type { AppDeps } from './deps.ts';
import { onError, onNotFound } from './errors.tsx';
import { csrfProtection } from './middleware/csrf.ts';
import { localeMiddleware } from './middleware/locale.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { idempotentSubmissions } from './idempotency/middleware.ts';
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
  app.route('/', uploadFileRoutes(deps));

  app.use(sessionMiddleware());
  app.use(activityMiddleware());
  app.use(localeMiddleware());
  // multipart forms from members may carry images (core/uploads)
  app.use(requestBodyLimit(deps.config));
  app.use(csrfProtection({ exempt: isUnsubscribePath }));
  app.use(setupGate());
  if (deps.config.PAGE_CACHE_MS > 0) {
    // with several instances, a write here must also empty the others' caches (sessions included)
    const announceWrite = deps.database.kind === 'postgres' ? () => void deps.live.publish({ channel: 'cache', event: 'write', data: {} }) : undefined;
    app.use(pageCacheMiddleware(deps.pageCache, { skip: isPersonalPath, announceWrite }));
  }
  app.use(idempotentSubmissions());
  app.use(unreadCountMiddleware());
  app.use(standingMiddleware());

  app.route('/', localeRoutes());
  app.route('/', setupRoutes());
  app.route('/', accountRoutes(deps));
  app.route('/', conversationsRoutes(deps));
  app.route('/', moderationRoutes(deps));
  app.route('/', uploadRoutes(deps));
  app.route('/', watchingRoutes());
  app.route('/', notificationRoutes());
  app.route('/', digestRoutes(deps));
  app.route('/', liveRoutes(deps));
  app.route('/', livePollRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  app.route('/', inviteRoutes());
  app.route('/', schedulingRoutes());
  deps.pluginHost.mount(app);
  app.route('/', searchRoutes());
  app.route('/', forumRoutes(deps));

  app.onError(onError);
  app.notFound(onNotFound);
  serveGuestsFromCacheFirst(app, deps);
  return app;
}

const withoutLanes = new WeakMap<Hono, Hono['fetch']>();

/**
 * The app's own dispatch, without the lanes in front: for Node's listener, which has already offered the
 * request to both lanes (core/http/node-listener.ts), so a miss is not looked up a second time.
 */
export function dispatchWithoutLanes(app: Hono): Hono['fetch'] {
  return withoutLanes.get(app) ?? app.fetch;
}

/**
 * Guests' cached pages and members' thread pages from their class's template skip the whole stack
 * (core/http/guest-lane.ts, core/http/member-pages/lane.ts); everything else is dispatched as usual.
 */
function serveGuestsFromCacheFirst(app: Hono, deps: AppDeps): void {
  const lane = guestLaneFor(deps);
  const members = memberLaneFor(deps);
  if (!lane || !members) return;
  const serveFromCache = laneForFetch(lane);
  const serveMembers = memberLaneForFetch(members, (err) => deps.logger.warn({ err }, 'member lane failed; the app answers'));
  const dispatch = app.fetch;
  withoutLanes.set(app, dispatch);
  app.fetch = (request, env, executionContext) => {
    const cached = serveFromCache(request, (env as { incoming?: IncomingMessage } | undefined)?.incoming);
    if (cached) return cached;
    const member = serveMembers(request);
    if (!member) return dispatch(request, env, executionContext);
    return member.then((found) => found ?? dispatch(request, env, executionContext));
  };
}
