import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { ValidationError } from '../../http/validation.ts';
import { renderPartOrPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { reportableOf } from '../service/reportables.ts';
import { fileReport } from '../service/reports.ts';
import { ReportForm } from '../views/report-page.tsx';
import { currentUser, formBody, idOf, membersOnly } from './http.ts';

const typeShape = /^[a-z][a-z0-9-]*(?:\.[a-z][a-zA-Z0-9-]*)?$/;

/** /report/<type>/<id>: one report form for posts, threads, profiles and plugin items. */
export function reportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const ctx = { db: deps.db, hooks: deps.plugins.hooks };

  async function target(c: Context) {
    const type = c.req.param('type') ?? '';
    const id = idOf(c.req.param('id'));
    const reportable = typeShape.test(type) ? reportableOf(type) : undefined;
    if (!reportable) throw new UserError(404, 'error.404.body');
    if (reportable.visibleTo && !(await reportable.visibleTo(ctx, currentUser(c), id))) throw new UserError(404, 'error.404.body');
    const item = (await reportable.describe(ctx, [id])).get(id);
    if (!item) throw new UserError(404, 'error.404.body');
    return { type, id, item, action: `/report/${type}/${id}` };
  }

  app.get('/report/:type/:id', membersOnly, async (c) => {
    const { item, action } = await target(c);
    const title = c.get('t').t('moderation.report.title', { title: item.title });
    return renderPartOrPage(c, { title }, <ReportForm vc={viewContext(c)} action={action} title={item.title} url={item.url} />);
  });

  app.post('/report/:type/:id', membersOnly, async (c) => {
    const { type, id, item, action } = await target(c);
    const form = await formBody(c);
    const vc = viewContext(c);
    const title = c.get('t').t('moderation.report.title', { title: item.title });
    try {
      await fileReport({ db: deps.db, hooks: deps.plugins.hooks }, { reporter: currentUser(c), type, id, reason: form.reason ?? '', text: form.text ?? '' });
    } catch (error) {
      const fields = error instanceof ValidationError ? error.fields : error instanceof UserError && error.status === 400 ? { _form: error.messageKey } : null;
      if (!fields) throw error;
      return renderPartOrPage(
        c,
        { title, status: 422 },
        <ReportForm vc={vc} action={action} title={item.title} url={item.url} values={{ reason: form.reason, text: form.text }} errors={fields} />,
      );
    }
    return renderPartOrPage(c, { title }, <ReportForm vc={vc} action={action} title={item.title} url={item.url} done />);
  });

  return app;
}
