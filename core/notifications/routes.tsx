import { Hono, type MiddlewareHandler } from 'hono';
import { UserError } from '../http/errors.tsx';
import { safeRedirectPath } from '../http/redirect.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { listNotifications, markAllRead, markRead, NOTIFICATIONS_PAGE_SIZE, recentNotifications } from './service.ts';
import { NotificationList } from './views/list.tsx';
import { NotificationMenu } from './views/menu.tsx';

export const MENU_SIZE = 10;

const membersOnly: MiddlewareHandler = async function membersOnly(c, next) {
  if (!c.get('user')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
  await next();
};

export function notificationRoutes(): Hono {
  const app = new Hono();
  app.use('/notifications', membersOnly);
  app.use('/notifications/*', membersOnly);

  app.get('/notifications', async (c) => {
    const vc = viewContext(c);
    const before = Number(c.req.query('before')) || undefined;
    const items = await listNotifications(c.get('deps').db, c.get('user')!.id, before);
    const next = items.length === NOTIFICATIONS_PAGE_SIZE ? items[items.length - 1]!.id : undefined;
    return renderPage(c, { title: vc.t('notifications.title') }, <NotificationList vc={vc} items={items} next={next} />);
  });

  // the header bell loads this into its dropdown; opened directly it is a plain page
  app.get('/notifications/menu', async (c) => {
    const vc = viewContext(c);
    const items = await recentNotifications(c.get('deps').db, c.get('user')!.id, MENU_SIZE);
    c.header('Cache-Control', 'private, no-store');
    if (vc.isHtmx) return c.html(<NotificationMenu vc={vc} items={items} />);
    return renderPage(c, { title: vc.t('notifications.title') }, <NotificationMenu vc={vc} items={items} />);
  });

  app.post('/notifications/:id{[0-9]{1,10}}/read', async (c) => {
    const id = Number(c.req.param('id'));
    const row = id <= 2_147_483_647 ? await markRead(c.get('deps').db, c.get('user')!.id, id) : undefined;
    if (!row) throw new UserError(404, 'error.404.body');
    return c.redirect(safeRedirectPath(row.url), 303);
  });

  app.post('/notifications/read-all', async (c) => {
    const { db } = c.get('deps');
    const userId = c.get('user')!.id;
    await markAllRead(db, userId);
    const form = await c.req.parseBody();
    if (form.view === 'menu' && c.req.header('hx-request') === 'true') {
      return c.html(<NotificationMenu vc={viewContext(c)} items={await recentNotifications(db, userId, MENU_SIZE)} />);
    }
    return c.redirect('/notifications', 303);
  });

  return app;
}
