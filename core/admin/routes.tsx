import { count } from 'drizzle-orm';
import { Hono } from 'hono';
import { users } from '../accounts/schema.ts';
import { forumAdminRoutes } from '../forum/admin-routes.tsx';
import { posts, threads } from '../forum/schema.ts';
import type { AppDeps } from '../http/deps.ts';
import { UserError } from '../http/errors.tsx';
import { pluginAdminRoutes } from '../plugins/admin/routes.tsx';
import { categoryPluginRoutes } from '../plugins/admin/category-routes.tsx';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { requireRole } from './guard.ts';
import { adminLinks } from './links.ts';
import { mailAdminRoutes } from './mail-routes.tsx';
import { settingsAdminRoutes } from './settings-routes.tsx';
import { analyticsRoutes } from '../analytics/index.ts';
import { AdminShell } from './views/shell.tsx';
import { memberAdminRoutes } from './members/routes.tsx';
import { groupAdminRoutes } from './groups/routes.tsx';
import { trustAdminRoutes } from '../trust/admin-routes.tsx';
import { approvalAdminRoutes, onboardingAdminRoutes } from '../onboarding/admin-routes.tsx';

/** /admin: staff only. Core sections here; plugin admin pages under /admin/plugins/<id>/. */
export function adminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(requireRole(['admin']));

  app.get('/', async (c) => {
    const vc = viewContext(c);
    const { t } = vc;
    const [[m], [th], [p]] = await Promise.all([
      deps.db.select({ n: count() }).from(users),
      deps.db.select({ n: count() }).from(threads),
      deps.db.select({ n: count() }).from(posts),
    ]);
    const stats = [
      ['admin.stats.members', m?.n ?? 0],
      ['admin.stats.threads', th?.n ?? 0],
      ['admin.stats.posts', p?.n ?? 0],
    ] as const;
    return renderPage(
      c,
      { title: t('admin.title') },
      <AdminShell vc={vc} links={adminLinks(c)} title={t('admin.title')}>
        <p>{t('admin.dashboard.intro')}</p>
        <dl class="stat-grid">
          {stats.map(([key, value]) => (
            <div class="stat">
              <dt>{t(key)}</dt>
              <dd>{vc.tr.number(Number(value))}</dd>
            </div>
          ))}
        </dl>
      </AdminShell>,
    );
  });

  app.route('/settings', settingsAdminRoutes());
  app.route('/categories', categoryPluginRoutes());
  app.route('/categories', forumAdminRoutes(deps));
  app.route('/plugins', pluginAdminRoutes());
  app.route('/mail', mailAdminRoutes());
  app.route('/analytics', analyticsRoutes(deps));
  app.route('/members', memberAdminRoutes(deps));
  app.route('/groups', groupAdminRoutes(deps));
  app.route('/trust', trustAdminRoutes(deps));
  app.route('/onboarding', onboardingAdminRoutes(deps));
  app.route('/approvals', approvalAdminRoutes(deps));

  // Plugin admin pages, behind the same admin guard; a disabled plugin's pages answer 404.
  app.all('/plugins/:pluginId/*', async (c) => {
    const id = c.req.param('pluginId');
    const plugin = deps.pluginHost.get(id);
    if (!plugin || !deps.pluginHost.isActive(id)) throw new UserError(404, 'error.404.body');
    const rest = c.req.path.slice(`/admin/plugins/${id}/`.length);
    const page = plugin.adminPages.find((p) => p.path.replace(/^\//, '') === rest);
    if (!page) throw new UserError(404, 'error.404.body');
    return page.handler(c);
  });

  return app;
}
