import { Hono } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { ValidationError } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { acceptRules, currentRules, mustAcceptRules, publishRules } from '../service/community-rules.ts';
import { RulesEditPage, RulesPage } from '../views/rules-page.tsx';
import { adminOnly, currentUser, formBody, membersOnly, redirectAfterPost } from './http.ts';

/** /rules (everyone), accepting a new version (members), editing (admins). */
export function rulesRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  app.get('/rules', async (c) => {
    const user = c.get('user');
    const [rules, pending] = await Promise.all([currentRules(db), user ? mustAcceptRules(db, user) : null]);
    return renderPage(c, { title: c.get('t').t('moderation.rules.title') }, <RulesPage vc={viewContext(c)} rules={rules} pending={pending !== null} accepted={c.req.query('accepted') === '1'} />);
  });

  app.post('/rules/accept', membersOnly, async (c) => {
    await acceptRules(db, currentUser(c));
    return redirectAfterPost(c, '/rules?accepted=1');
  });

  app.get('/rules/edit', adminOnly, async (c) => {
    const rules = await currentRules(db);
    return renderPage(
      c,
      { title: c.get('t').t('moderation.rules.editTitle') },
      <RulesEditPage vc={viewContext(c)} raw={rules?.raw ?? ''} requireAcceptance={false} saved={c.req.query('saved') === '1'} />,
    );
  });

  app.post('/rules/edit', adminOnly, async (c) => {
    const form = await formBody(c);
    try {
      await publishRules(db, { actor: currentUser(c), raw: form.raw ?? '', requireAcceptance: form.requireAcceptance });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderPage(
        c,
        { title: c.get('t').t('moderation.rules.editTitle'), status: 422 },
        <RulesEditPage vc={viewContext(c)} raw={form.raw ?? ''} requireAcceptance={form.requireAcceptance === 'on'} errors={error.fields} />,
      );
    }
    return redirectAfterPost(c, '/rules/edit?saved=1');
  });

  return app;
}
