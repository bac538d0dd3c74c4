import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { categories, type Category } from '../../forum/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { parseRuleForm, saveRuleForm } from '../service/settings-form.ts';
import { categoryOverrides, ruleConfigFor, type RuleConfig } from '../service/settings.ts';
import { addWord, allWords, removeWord } from '../service/words-admin.ts';
import { SettingsPage } from '../views/settings-page.tsx';
import { adminOnly, currentUser, formBody, idOf, redirectAfterPost } from './http.ts';

/** Admins configure the automatic rules, forum-wide and per category, and the watched words. */
export function settingsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  async function page(c: Context, category: Category | null, opts: { values?: Partial<RuleConfig>; errors?: FieldErrors; status?: 200 | 422 } = {}) {
    const [forum, overrides, cats, words] = await Promise.all([
      ruleConfigFor(db),
      category ? categoryOverrides(db, category.id) : undefined,
      db.select().from(categories).orderBy(categories.position, categories.id),
      allWords(db),
    ]);
    const values = opts.values ?? (category ? overrides! : forum);
    return renderPage(
      c,
      { title: c.get('t').t('moderation.settings.title'), status: opts.status },
      <SettingsPage
        vc={viewContext(c)}
        category={category}
        values={values}
        inherited={category ? forum : undefined}
        categories={cats}
        words={words}
        errors={opts.errors}
        saved={c.req.query('saved') === '1'}
      />,
    );
  }

  async function categoryOf(id: string | undefined): Promise<Category> {
    const [row] = await db.select().from(categories).where(eq(categories.id, idOf(id))).limit(1);
    if (!row) throw new UserError(404, 'error.404.body');
    return row;
  }

  app.use('/review/settings', adminOnly);
  app.use('/review/settings/*', adminOnly);
  app.use('/review/words', adminOnly);
  app.use('/review/words/*', adminOnly);

  app.get('/review/settings', (c) => page(c, null));
  app.get('/review/settings/category/:id', async (c) => page(c, await categoryOf(c.req.param('id'))));

  const save = (scope: 'forum' | 'category') => async (c: Context) => {
    const category = scope === 'category' ? await categoryOf(c.req.param('id')) : null;
    const form = await formBody(c);
    try {
      await saveRuleForm(db, { actor: currentUser(c), categoryId: category?.id ?? null, form });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      let values: Partial<RuleConfig> = {};
      try {
        values = parseRuleForm(form, scope);
      } catch {
        values = {};
      }
      return page(c, category, { values, errors: error.fields, status: 422 });
    }
    return redirectAfterPost(c, `${category ? `/review/settings/category/${category.id}` : '/review/settings'}?saved=1`);
  };
  app.post('/review/settings', save('forum'));
  app.post('/review/settings/category/:id', save('category'));

  app.post('/review/words', async (c) => {
    const form = await formBody(c);
    try {
      await addWord(db, { actor: currentUser(c), pattern: form.pattern, isRegex: form.isRegex, action: form.action, categoryId: form.categoryId });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return page(c, null, { errors: error.fields, status: 422 });
    }
    return redirectAfterPost(c, '/review/settings?saved=1');
  });
  app.post('/review/words/:id/delete', async (c) => {
    await removeWord(db, { actor: currentUser(c), id: idOf(c.req.param('id')) });
    return redirectAfterPost(c, '/review/settings?saved=1');
  });

  return app;
}
