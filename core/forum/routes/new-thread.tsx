import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import type { Category } from '../schema.ts';
import { createThread } from '../service/create-thread.ts';
import { threadPath } from '../service/slug.ts';
import { Composer } from '../views/composer.tsx';
import type { FormProblem } from '../views/form-problem.tsx';
import { access, formBody, fullForm, loginPath, redirectAfterPost, writer, type Status } from './context.ts';
import { formProblem } from './problems.ts';

/** Starting a thread: /new, or /c/:slug/new with the category chosen. */
export function newThreadRoutes(): Hono {
  const app = new Hono();

  app.get('/new', async (c) => {
    if (!c.get('user')) return c.redirect(loginPath(c.req.path), 302);
    const chosen = Number(c.req.query('category'));
    return composer(c, Number.isSafeInteger(chosen) ? chosen : null, {});
  });

  app.get('/c/:slug/new', async (c) => {
    const category = (await access(c)).bySlug(c.req.param('slug'));
    if (!category) throw new UserError(404, 'error.404.body');
    if (!c.get('user')) return c.redirect(loginPath(c.req.path), 302);
    return composer(c, category.id, {});
  });

  app.post('/new', async (c) => {
    if (!c.get('user')) return redirectAfterPost(c, loginPath('/new'));
    const form = await formBody(c);
    try {
      const { thread } = await createThread(
        { ...writer(c, await fullForm(c)), restrictTags: c.get('site').restrictTags },
        { categoryId: form.categoryId ?? '', title: form.title ?? '', raw: form.raw ?? '', tags: form.tags ?? '', source: form.source ?? '' },
      );
      return redirectAfterPost(c, threadPath(thread));
    } catch (error) {
      const { problem, status } = formProblem(error);
      return composer(c, Number(form.categoryId) || null, form, problem, status);
    }
  });

  return app;
}

async function composer(c: Context, categoryId: number | null, form: Record<string, string>, problem?: FormProblem, status: Status = 200) {
  const vc = viewContext(c);
  const readable = await access(c);
  const startable: Category[] = readable.readable.filter((cat) => readable.canStart(cat));
  const selected = startable.find((cat) => cat.id === categoryId) ?? null;
  const title = vc.t('forum.composer.heading');
  return renderPage(
    c,
    { title, status },
    <section class="composer-page">
      <h1>{title}</h1>
      {startable.length ? (
        <Composer vc={vc} categories={startable} selected={selected} form={form} problem={problem} />
      ) : (
        <p class="empty">{vc.t('forum.composer.noCategories')}</p>
      )}
    </section>,
  );
}
