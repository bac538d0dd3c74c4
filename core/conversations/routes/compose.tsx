import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { enforceStartLimits } from '../service/limits.ts';
import { resolveRecipients } from '../service/recipients.ts';
import { startConversation } from '../service/start.ts';
import { ComposePage } from '../views/compose-page.tsx';
import { problemOf, type Problem } from '../views/problem.tsx';
import { formBody, redirectAfterPost } from './http.ts';

function composePage(c: Context, form: Record<string, string>, problem?: Problem, status: 200 | 400 | 403 | 422 | 429 = 200) {
  const vc = viewContext(c);
  return renderPage(c, { title: vc.t('conversations.new'), status }, <ComposePage vc={vc} form={form} problem={problem} />);
}

/** GET /messages/new?to=alice (also linked from profiles) and POST /messages. */
export function composeRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/messages/new', (c) => composePage(c, { to: (c.req.query('to') ?? '').slice(0, 300) }));

  app.post('/messages', async (c) => {
    const user = c.get('user')!;
    const form = await formBody(c);
    try {
      const recipients = await resolveRecipients(deps.db, form.to ?? '');
      const { conversation } = await startConversation(
        deps.db,
        { from: user, to: recipients.map((r) => r.id), title: form.title ?? '', raw: form.raw ?? '' },
        { beforeWrite: () => enforceStartLimits(deps.database, user) },
      );
      return redirectAfterPost(c, `/messages/${conversation.id}`);
    } catch (error) {
      const { problem, status } = problemOf(error);
      return composePage(c, form, problem, status);
    }
  });

  return app;
}
