import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { activeTheme, type LayoutProps } from './theme.ts';
import { viewContext } from './view-context.ts';

export type PageOptions = Omit<LayoutProps, 'vc' | 'children'> & { status?: ContentfulStatusCode };

/** Renders a full page in the active theme's layout. */
export function renderPage(c: Context, options: PageOptions, body: Child): Response | Promise<Response> {
  const { Layout } = activeTheme();
  const { status, ...layout } = options;
  c.header('Cache-Control', 'private, no-cache');
  return c.html(
    <>
      {raw('<!doctype html>')}
      <Layout vc={viewContext(c)} {...layout}>
        {body}
      </Layout>
    </>,
    status ?? 200,
  );
}

/** A fragment for htmx, or the full page when the same URL is opened without JavaScript. */
export function renderPartOrPage(c: Context, options: PageOptions, body: Child): Response | Promise<Response> {
  if (c.req.header('hx-request') === 'true') return c.html(<>{body}</>, options.status ?? 200);
  return renderPage(c, options, body);
}
