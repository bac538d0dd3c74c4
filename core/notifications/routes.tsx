import { Hono } from 'hono';
import { UserError } from '../http/errors.tsx';
import { safeRedirectPath } from '../http/redirect.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { listNotifications, markAllRead, markRead, NOTIFICATIONS_PAGE_SIZE } from './service.ts';
import { NotificationList } from './views/list.tsx';

export function notificationRoutes(): Hono {
  const app = new Hono();

  app.use('/notifications/*', async (c, next) => {
    if (!c.var.user) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
    await next();
  });
  app.use('/notifications', async (c, next) => {
    if (!c.var.user) return c.redirect('/login?next=%2Fnotifications');
    await next();
  });

  app.get('/notifications', async (c) => {
    const vc = viewContext(c);
    const before = Number(c.req.query('before')) || undefined;
    const items = await listNotifications(c.var.deps.db, c.var.user!.id, before);
    const next = items.length === NOTIFICATIONS_PAGE_SIZE ? items[items.length - 1]!.id : undefined;
    return renderPage(c, { title: vc.t('notifications.title') }, <NotificationList vc={vc} items={items} next={next} />);
  });

  app.post('/notifications/:id{[0-9]+}/read', async (c) => {
    const row = await markRead(c.var.deps.db, c.var.user!.id, Number(c.req.param('id')));
    if (!row) throw new UserError(404, 'error.404.body');
    return c.redirect(safeRedirectPath(row.url), 303);
  });

  app.post('/notifications/read-all', async (c) => {
    await markAllRead(c.var.deps.db, c.var.user!.id);
    return c.redirect('/notifications', 303);
  });

  return app;
}
