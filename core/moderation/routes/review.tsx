import { Hono } from 'hono';
import { fileURLToPath } from 'node:url';
import { authorsByIds } from '../../forum/service/people.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { registerAsset } from '../../ui/assets.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { loadQueue, queueSource, queueSources } from '../service/queue.ts';
import type { QueueAction } from '../service/queue-types.ts';
import { QueueDone, ReviewPage } from '../views/review-page.tsx';
import { currentUser, formBody, isHtmx, redirectAfterPost, staffOnly } from './http.ts';

registerAsset('moderation-review.js', fileURLToPath(new URL('../assets/review.js', import.meta.url)));

const actions: readonly QueueAction[] = ['approve', 'reject', 'dismiss'];

/** The one review queue (审核): every source's items, handled in place. */
export function reviewRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const qdeps = { db: deps.db, hooks: deps.plugins.hooks };
  app.use('/review', staffOnly);
  app.use('/review/*', staffOnly);

  app.get('/review', async (c) => {
    const only = c.req.query('source');
    const chosen = only && queueSource(only) ? only : undefined;
    const [sections, counts] = await Promise.all([
      loadQueue(qdeps, chosen),
      Promise.all(queueSources().map(async (s) => ({ id: s.id, labelKey: s.labelKey, count: await s.count(qdeps) }))),
    ]);
    const ids = sections.flatMap((s) => s.entries.flatMap((e) => [e.authorId, ...e.reasons.map((r) => r.reporterId)]));
    const people = await authorsByIds(deps.db, ids);
    const vc = viewContext(c);
    return renderPage(
      c,
      { title: c.get('t').t('moderation.queue.title'), head: <script src={vc.asset('moderation-review.js')} defer></script> },
      <ReviewPage vc={vc} sections={sections} counts={counts} only={chosen} people={people} />,
    );
  });

  app.post('/review/:source/:key/:action', async (c) => {
    const source = queueSource(c.req.param('source'));
    const action = c.req.param('action') as QueueAction;
    if (!source || !actions.includes(action)) throw new UserError(404, 'error.404.body');
    const form = await formBody(c);
    const { title } = await source.act(qdeps, { key: c.req.param('key'), action, by: currentUser(c), note: (form.note ?? '').slice(0, 500) });
    if (isHtmx(c)) return c.html(<QueueDone vc={viewContext(c)} action={action} title={title} />);
    return redirectAfterPost(c, '/review');
  });

  return app;
}
