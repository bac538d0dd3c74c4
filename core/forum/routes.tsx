import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { renderPage } from '../ui/page.tsx';

export function forumRoutes(_deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', (c) => renderPage(c, { title: '' }, <h1>{c.var.site.forumName}</h1>));
  return app;
}
