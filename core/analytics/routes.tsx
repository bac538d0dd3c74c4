import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { UserError } from '../http/errors.tsx';
import { assetUrl, registerAsset } from '../ui/assets.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { AdminShell } from '../admin/views/shell.tsx';
import { adminLinks } from '../admin/links.ts';
import { forumTimeZone } from './jobs.ts';
import { rangeQuery, resolvePeriod, type RangeQuery } from './ranges.ts';
import { toCsv } from './service/csv.ts';
import { panelCsv } from './service/export.ts';
import { createMemoStore } from './service/memo.ts';
import { loadCoreDashboard } from './service/panels.ts';
import { loadPluginPanels } from './service/plugin-panels.ts';
import { dayOf } from './time.ts';
import { Dashboard } from './views/dashboard.tsx';

registerAsset('analytics.css', path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets/analytics.css'));

/** /admin/analytics (mounted inside the admin app, behind its admin guard). */
export function analyticsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const store = createMemoStore();

  async function load(query: RangeQuery, only?: string) {
    const timeZone = await forumTimeZone(deps.database);
    const today = dayOf(new Date(), timeZone);
    const { current, previous } = resolvePeriod(query, today);
    const categoryId = query.category ?? null;
    const [data, plugins] = await Promise.all([
      only && only.includes('.') ? Promise.resolve(undefined) : loadCoreDashboard({ database: deps.database, timeZone, today, current, previous, categoryId, store }),
      only && !only.includes('.') ? Promise.resolve([]) : loadPluginPanels({ pluginHost: deps.pluginHost, logger: deps.logger, timeZone, current, previous, categoryId, only }),
    ]);
    return { current, previous, data, plugins };
  }

  function parse(raw: Record<string, string>): { query: RangeQuery; error?: string } {
    const parsed = rangeQuery.safeParse(raw);
    if (parsed.success) return { query: parsed.data };
    return { query: { range: '30d' }, error: 'analytics.error.range' };
  }

  app.get('/', async (c) => {
    const vc = viewContext(c);
    const { query, error } = parse(c.req.query());
    const [{ current, previous, data, plugins }, categories] = await Promise.all([
      load(query),
      deps.database.rows<{ id: number; name: string }>(sql`select id, name from categories order by position, id`),
    ]);
    return renderPage(
      c,
      { title: vc.t('analytics.title'), head: <link rel="stylesheet" href={assetUrl('analytics.css')} />, status: error ? 400 : 200 },
      <AdminShell vc={vc} links={adminLinks(c)} title={vc.t('analytics.title')}>
        <Dashboard
          vc={vc}
          query={query}
          current={current}
          previous={previous}
          categories={categories.map((r) => ({ id: Number(r.id), name: r.name }))}
          data={data!}
          plugins={plugins}
          error={error}
        />
      </AdminShell>,
    );
  });

  app.get('/export/:file', async (c) => {
    const file = c.req.param('file');
    const panel = file.endsWith('.csv') ? file.slice(0, -4) : '';
    if (!/^[a-z][a-z0-9-]*(\.[a-zA-Z][a-zA-Z0-9_-]*)?$/.test(panel)) throw new UserError(404, 'error.404.body');
    const { query, error } = parse(c.req.query());
    if (error) throw new UserError(400, error);
    const { current, data, plugins } = await load(query, panel);
    const table = panelCsv(c.get('t').t, panel, data, plugins);
    if (!table) throw new UserError(404, 'error.404.body');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="analytics-${panel}-${current.from}-${current.to}.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(toCsv(table.header, table.rows));
  });

  return app;
}
