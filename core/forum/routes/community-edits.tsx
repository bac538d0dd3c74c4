import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { moveThread } from '../../moderation/service/thread-tools.ts';
import { trustSettings } from '../../trust/settings.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { canEditTitle, canRecategorise, isStaffViewer } from '../permissions.ts';
import type { Category } from '../schema.ts';
import { editThreadTitle } from '../service/edit-title.ts';
import type { ThreadContext } from '../service/lookup.ts';
import { threadPath } from '../service/slug.ts';
import { tagsForThreads } from '../service/tags.ts';
import { CategoryForm, TitleForm, type HeaderEditing } from '../views/community-controls.tsx';
import { ThreadHeader } from '../views/thread-header.tsx';
import { access, formBody, idParam, isHtmx, loginPath, redirectAfterPost, writer, type Status } from './context.ts';
import { formProblem } from './problems.ts';
import { threadHeaderFragment, visibleThread } from './thread.tsx';

/** Where a member may move the thread: categories they may start threads in (staff: any they read), the current one first selected. */
async function moveTargets(c: Context, scope: ThreadContext): Promise<Category[]> {
  const readable = await access(c);
  if (isStaffViewer(c.get('user'))) return readable.readable;
  return readable.readable.filter((cat) => cat.id === scope.category.id || readable.canStart(cat));
}

/**
 * Community editing from the thread header, unlocked by trust levels (core/trust): change only the title
 * (`editTitles`) and move to another category (`recategorise`). Staff may use them too. Each GET answers
 * htmx with the header holding the form, and a plain request with a page of its own.
 */
export function communityEditRoutes(): Hono {
  const app = new Hono();

  /** The header with a form in it (htmx), or the form on its own page; `status` for a refused submission. */
  async function editor(c: Context, scope: ThreadContext, editing: HeaderEditing, status: Status = 200): Promise<Response> {
    const vc = viewContext(c);
    const { thread } = scope;
    if (isHtmx(c)) {
      const tags = await tagsForThreads(c.get('deps').db, [thread.id]);
      return c.html(<ThreadHeader vc={vc} thread={thread} category={scope.category} parent={scope.parent} tags={tags.get(thread.id) ?? []} editing={editing} />, status);
    }
    const title = vc.t(editing.kind === 'title' ? 'forum.title.pageTitle' : 'forum.move.pageTitle', { title: thread.title });
    return renderPage(
      c,
      { title, status },
      <section class="edit-page">
        <h1>{title}</h1>
        {editing.kind === 'title' ? (
          <TitleForm vc={vc} thread={thread} inPlace={false} value={editing.value} problem={editing.problem} />
        ) : (
          <CategoryForm vc={vc} thread={thread} inPlace={false} targets={editing.targets} value={editing.value} problem={editing.problem} />
        )}
      </section>,
    );
  }

  /** A signed-in member who may do it: guests log in first; others get 403 without the form. */
  async function allowed(c: Context, check: typeof canEditTitle, refusal: string): Promise<ThreadContext | Response> {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('user')) return c.redirect(loginPath(c.req.path), 302);
    const scope = await visibleThread(c, threadId);
    if (!check(c.get('user'), scope, await trustSettings(c.get('deps').db))) throw new UserError(403, refusal);
    return scope;
  }

  app.get('/t/:id{[0-9]+}/edit/header', async (c) => threadHeaderFragment(c, idParam(c.req.param('id'))));

  app.get('/t/:id{[0-9]+}/edit/title', async (c) => {
    const scope = await allowed(c, canEditTitle, 'forum.title.notAllowed');
    if (scope instanceof Response) return scope;
    return editor(c, scope, { kind: 'title' });
  });

  app.post('/t/:id{[0-9]+}/edit/title', async (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('user')) return redirectAfterPost(c, loginPath(`/t/${threadId}`));
    const form = await formBody(c);
    try {
      const { thread } = await editThreadTitle(writer(c), threadId, { title: form.title });
      return isHtmx(c) ? threadHeaderFragment(c, threadId) : c.redirect(threadPath(thread), 303);
    } catch (error) {
      // refused outright (no right to retitle it): no form to show again
      if (error instanceof UserError) throw error;
      // an invalid title, or one a moderation rule refuses: the form again, with the reason
      const { problem, status } = formProblem(error);
      return editor(c, await visibleThread(c, threadId), { kind: 'title', value: form.title, problem }, status);
    }
  });

  app.get('/t/:id{[0-9]+}/edit/category', async (c) => {
    const scope = await allowed(c, canRecategorise, 'forum.move.notAllowed');
    if (scope instanceof Response) return scope;
    return editor(c, scope, { kind: 'category', targets: await moveTargets(c, scope) });
  });

  app.post('/t/:id{[0-9]+}/edit/category', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const user = c.get('user');
    if (!user) return redirectAfterPost(c, loginPath(`/t/${threadId}`));
    const form = await formBody(c);
    const deps = { db: c.get('deps').db, hooks: c.get('deps').plugins.hooks };
    try {
      const thread = await moveThread(deps, { actor: user, threadId, categoryId: Number(form.categoryId ?? '') });
      return isHtmx(c) ? threadHeaderFragment(c, threadId) : c.redirect(threadPath(thread), 303);
    } catch (error) {
      const { problem, status } = formProblem(error);
      if (!problem.fields) throw error;
      const scope = await visibleThread(c, threadId);
      return editor(c, scope, { kind: 'category', targets: await moveTargets(c, scope), value: form.categoryId, problem }, status);
    }
  });

  return app;
}
