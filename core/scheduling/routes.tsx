import { Hono, type Context } from 'hono';
import { isStaffViewer } from '../forum/permissions.ts';
import { UserError } from '../http/errors.tsx';
import { formStrings } from '../http/validation.ts';
import { HookRejection } from '../plugins/hooks.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { publishTimeFromForm } from './filter.ts';
import { scheduledThreads } from './list.ts';
import { cancelScheduled, publishNow, reschedule } from './publish.ts';
import { CalendarPage } from './views/calendar.tsx';

function staff(c: Context) {
  const user = c.get('user');
  if (!user) throw new UserError(403, 'forum.loginRequired');
  if (!isStaffViewer(user) && (user.moderatedCategoryIds?.length ?? 0) === 0) throw new UserError(403, 'error.403.body');
  return user;
}

/** /scheduled: the staff list of scheduled threads (运营日历). Scoped moderators see their categories'. */
export function schedulingRoutes(): Hono {
  const app = new Hono();

  const page = async (c: Context, error?: string, status: 200 | 400 = 200) => {
    const user = staff(c);
    const vc = viewContext(c);
    const rows = await scheduledThreads(c.get('deps').db, isStaffViewer(user) ? 'all' : user.moderatedCategoryIds);
    return renderPage(c, { title: vc.t('scheduling.title'), status }, <CalendarPage vc={vc} rows={rows} error={error} />);
  };

  app.get('/scheduled', (c) => page(c));

  app.post('/scheduled/:id{[0-9]+}/publish', async (c) => {
    const user = staff(c);
    await publishNow(c.get('deps'), user, Number(c.req.param('id')));
    return c.redirect('/scheduled', 303);
  });

  app.post('/scheduled/:id{[0-9]+}/reschedule', async (c) => {
    const user = staff(c);
    const form = formStrings(await c.req.parseBody());
    try {
      const at = await publishTimeFromForm(c.get('deps').db, form.publishAt ?? '', true);
      if (!at) return page(c, 'scheduling.publishAt.invalid', 400);
      await reschedule(c.get('deps'), user, Number(c.req.param('id')), at);
    } catch (error) {
      if (error instanceof HookRejection) return page(c, error.messageKey, 400);
      throw error;
    }
    return c.redirect('/scheduled', 303);
  });

  app.post('/scheduled/:id{[0-9]+}/cancel', async (c) => {
    const user = staff(c);
    await cancelScheduled(c.get('deps').db, user, Number(c.req.param('id')));
    return c.redirect('/scheduled', 303);
  });

  return app;
}
