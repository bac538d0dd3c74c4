import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { activeTheme, type LayoutProps } from './theme.ts';
import { viewContext, type ViewContext } from './view-context.ts';

export type PageOptions = Omit<LayoutProps, 'vc' | 'children'> & { status?: ContentfulStatusCode };

declare module 'hono' {
  interface ContextVariableMap {
    beforeRender: Promise<unknown>[];
  }
}

/**
 * Middleware starts what only the layout needs (the header's unread counts) and the page waits for it
 * just before rendering, so those queries run while the route runs its own instead of before them.
 */
export function deferUntilRender(c: Context, work: Promise<unknown>): void {
  // a route that ends without a page never awaits it: not an unhandled rejection
  work.catch(() => {});
  const pending = c.get('beforeRender');
  if (pending) pending.push(work);
  else c.set('beforeRender', [work]);
}

/** Renders a full page in the active theme's layout. */
export function renderPage(c: Context, options: PageOptions, body: Child): Response | Promise<Response> {
  const pending = c.get('beforeRender');
  if (pending?.length) {
    c.set('beforeRender', []);
    return Promise.all(pending).then(() => renderPage(c, options, body));
  }
  const { status, ...layout } = options;
  c.header('Cache-Control', 'private, no-cache');
  return c.html(pageMarkup(viewContext(c), layout, body), status ?? 200);
}

/** A full page in the active theme's layout, rendered with the given view context. */
export function pageMarkup(vc: ViewContext, layout: Omit<PageOptions, 'status'>, body: Child) {
  const { Layout } = activeTheme();
  return (
    <>
      {raw('<!doctype html>')}
      <Layout vc={vc} {...layout}>
        {body}
      </Layout>
    </>
  );
}

/** A fragment for htmx, or the full page when the same URL is opened without JavaScript. */
export function renderPartOrPage(c: Context, options: PageOptions, body: Child): Response | Promise<Response> {
  if (c.req.header('hx-request') === 'true') return c.html(<>{body}</>, options.status ?? 200);
  return renderPage(c, options, body);
}
