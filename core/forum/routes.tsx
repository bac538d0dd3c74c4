import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { categoryRoutes } from './routes/categories.tsx';
import { communityEditRoutes } from './routes/community-edits.tsx';
import { feedRoutes } from './routes/feeds.ts';
import { listingRoutes } from './routes/listings.tsx';
import { newThreadRoutes } from './routes/new-thread.tsx';
import { postRoutes } from './routes/posts.tsx';
import { replyRoutes } from './routes/reply.tsx';
import { staffRoutes } from './routes/staff.tsx';
import { threadRoutes } from './routes/thread.tsx';
import { invalidateCategories } from './service/category-cache.ts';
import { threadIdOfPath } from './service/view-counter.ts';

/** Everything members read and write, mounted at '/'. Order matters where paths overlap. */
export function forumRoutes(deps: AppDeps): Hono {
  // a new app may face a different database than the process last cached (tests, the demo loader)
  invalidateCategories();
  const views = deps.views;
  deps.pageCache.onHit((path) => {
    const threadId = threadIdOfPath(path);
    if (threadId) views.add(threadId);
  });
  const app = new Hono();
  app.route('/', feedRoutes()); // /c/:slug.rss before /c/:slug
  app.route('/', categoryRoutes());
  app.route('/', listingRoutes());
  app.route('/', newThreadRoutes());
  app.route('/', replyRoutes()); // /t/:id/reply before /t/:id/:slug
  app.route('/', staffRoutes());
  app.route('/', communityEditRoutes()); // /t/:id/edit/title, /t/:id/edit/category: two segments, never a slug
  app.route('/', threadRoutes(views));
  app.route('/', postRoutes());
  return app;
}
