import { asc } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { requireRole } from '../admin/guard.ts';
import { adminLinks } from '../admin/links.ts';
import { AdminShell } from '../admin/views/shell.tsx';
import type { AppDeps } from '../http/deps.ts';
import { UserError } from '../http/errors.tsx';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { formBody, idParam, type Status } from './routes/context.ts';
import { formProblem } from './routes/problems.ts';
import { categories, type Category } from './schema.ts';
import { createCategory, deleteCategory, findCategory, moveCategory, updateCategory } from './service/categories.ts';
import { categoryForm, CategoryForm } from './views/admin/category-form.tsx';
import { CategoryTable } from './views/admin/category-table.tsx';
import { listGroups } from '../groups/service.ts';
import { collectGroupChoices } from '../groups/views/category-permissions.tsx';
import type { FormProblem } from './views/form-problem.tsx';

/** Category management, for admins. Mounted at /admin/categories. */
export function forumAdminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(requireRole(['admin']));

  const all = () => deps.db.select().from(categories).orderBy(asc(categories.position), asc(categories.id));

  const page = (c: Context, title: string, body: Child, status: Status = 200) => {
    const vc = viewContext(c);
    return renderPage(c, { title, status }, <AdminShell vc={vc} links={adminLinks(c)} title={title}>{body}</AdminShell>);
  };

  const list = async (c: Context, problem?: FormProblem, status: Status = 200) => {
    const vc = viewContext(c);
    const saved = c.req.query('saved') === '1';
    return page(
      c,
      vc.t('forum.admin.title'),
      <>
        {saved ? <p class="flash success" role="status">{vc.t('common.saved')}</p> : null}
        {problem ? <p class="flash error" role="alert">{vc.t(problem.fields?._form ?? 'error.400.body')}</p> : null}
        <p>
          <a class="button primary" href="/admin/categories/new">
            {vc.t('forum.admin.create')}
          </a>
        </p>
        <CategoryTable vc={vc} categories={await all()} />
      </>,
      status,
    );
  };

  const form = async (c: Context, values: Record<string, string>, self: Category | null, problem?: FormProblem, status: Status = 200) => {
    const vc = viewContext(c);
    const parents = (await all()).filter((cat) => cat.parentId === null && cat.id !== self?.id);
    const title = self ? vc.t('forum.admin.editTitle', { name: self.name }) : vc.t('forum.admin.create');
    const action = self ? `/admin/categories/${self.id}/edit` : '/admin/categories/new';
    const submit = vc.t(self ? 'common.save' : 'forum.admin.createSubmit');
    const groups = await listGroups(deps.db);
    return page(c, title, <CategoryForm vc={vc} action={action} form={values} parents={parents} problem={problem} submitLabel={submit} groups={groups} />, status);
  };

  const existing = async (c: Context) => {
    const category = await findCategory(deps.db, idParam(c.req.param('id')));
    if (!category) throw new UserError(404, 'error.404.body');
    return category;
  };

  app.get('/', (c) => list(c));

  app.get('/new', (c) => form(c, {}, null));

  app.post('/new', async (c) => {
    const values = collectGroupChoices(await formBody(c));
    try {
      await createCategory(deps.db, values);
      return c.redirect('/admin/categories?saved=1', 303);
    } catch (error) {
      const { problem, status } = formProblem(error);
      return form(c, values, null, problem, status);
    }
  });

  app.get('/:id{[0-9]+}/edit', async (c) => {
    const category = await existing(c);
    return form(c, categoryForm(category), category);
  });

  app.post('/:id{[0-9]+}/edit', async (c) => {
    const category = await existing(c);
    const values = collectGroupChoices(await formBody(c));
    try {
      await updateCategory(deps.db, category.id, values);
      return c.redirect('/admin/categories?saved=1', 303);
    } catch (error) {
      const { problem, status } = formProblem(error);
      return form(c, values, category, problem, status);
    }
  });

  app.post('/:id{[0-9]+}/move', async (c) => {
    const category = await existing(c);
    const { direction } = await formBody(c);
    if (direction !== 'up' && direction !== 'down') throw new UserError(400, 'error.400.body');
    await moveCategory(deps.db, category.id, direction);
    return c.redirect('/admin/categories', 303);
  });

  app.post('/:id{[0-9]+}/delete', async (c) => {
    const category = await existing(c);
    try {
      await deleteCategory(deps.db, category.id);
      return c.redirect('/admin/categories?saved=1', 303);
    } catch (error) {
      const { problem, status } = formProblem(error);
      return list(c, problem, status);
    }
  });

  return app;
}
