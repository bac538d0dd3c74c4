import { Hono } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { inbox } from '../service/inbox.ts';
import { InboxItems, InboxPage } from '../views/inbox-page.tsx';
import { isHtmx, optionalId } from './http.ts';

export function inboxRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/messages', async (c) => {
    const before = optionalId(c.req.query('before'));
    const { items, next } = await inbox(deps.db, c.get('user')!.id, before);
    const vc = viewContext(c);
    c.header('Vary', 'HX-Request', { append: true });
    if (before && isHtmx(c)) return c.html(<InboxItems vc={vc} items={items} next={next} />);
    return renderPage(c, { title: vc.t('conversations.inbox') }, <InboxPage vc={vc} items={items} next={next} />);
  });

  return app;
}
