import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { canReply } from '../permissions.ts';
import { createPost } from '../service/create-post.ts';
import type { ThreadContext } from '../service/lookup.ts';
import { quoteFor } from '../service/quote.ts';
import { postPath, withAuthors } from '../service/thread-page.ts';
import { threadPath } from '../service/slug.ts';
import type { FormProblem } from '../views/form-problem.tsx';
import { PostItem } from '../views/post.tsx';
import { ReplyForm } from '../views/reply-form.tsx';
import { formBody, fullForm, idParam, isHtmx, loginPath, redirectAfterPost, type Status, writer } from './context.ts';
import { formProblem } from './problems.ts';
import { visibleThread } from './thread.tsx';

/** Replying: the form at the bottom of a thread, or its own page (no JavaScript, or quoting via a link). */
export function replyRoutes(): Hono {
  const app = new Hono();

  app.get('/t/:id{[0-9]+}/reply', async (c) => {
    const scope = await visibleThread(c, idParam(c.req.param('id')));
    if (!c.get('user')) return c.redirect(loginPath(c.req.path + (c.req.query('quote') ? `?quote=${c.req.query('quote')}` : '')), 302);
    if (!canReply(c.get('user'), scope.category, scope.thread, scope.parent) || scope.thread.deletedAt) {
      throw new UserError(403, scope.thread.locked ? 'forum.reply.locked' : 'forum.reply.notAllowed');
    }
    return replyPage(c, scope, await quoted(c, c.req.query('quote')));
  });

  app.post('/t/:id{[0-9]+}/reply', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const user = c.get('user');
    if (!user) return redirectAfterPost(c, loginPath(`/t/${threadId}`));
    const form = await formBody(c);
    try {
      const { post, thread } = await createPost(writer(c, await fullForm(c)), { threadId, raw: form.raw ?? '', replyToPostId: Number(form.replyTo) || null });
      if (!isHtmx(c)) return c.redirect(postPath(thread, post.number), 303);
      const scope = await visibleThread(c, thread.id);
      const [view] = await withAuthors(c.get('deps').db, [post], user.id);
      return c.html(<PostItem vc={viewContext(c)} view={view!} scope={scope} />);
    } catch (error) {
      const { problem, status } = formProblem(error);
      const scope = await visibleThread(c, threadId);
      if (!isHtmx(c)) return replyPage(c, scope, form.raw ?? '', problem, status);
      // the form was aimed at the post list; put the answer back on the form instead
      c.header('HX-Retarget', '#reply-form');
      c.header('HX-Reswap', 'outerHTML');
      return c.html(<ReplyForm vc={viewContext(c)} thread={scope.thread} category={scope.category} value={form.raw} problem={problem} />, status);
    }
  });

  return app;
}

/** The quote text for ?quote=<postId>, when the viewer can see that post. */
async function quoted(c: Context, value: string | undefined): Promise<string> {
  if (!value) return '';
  return (await quoteFor(c.get('deps').db, c.get('user'), Number(value))) ?? '';
}

function replyPage(c: Context, scope: ThreadContext, value: string, problem?: FormProblem, status: Status = 200) {
  const vc = viewContext(c);
  const title = vc.t('forum.reply.pageTitle', { title: scope.thread.title });
  return renderPage(
    c,
    { title, status },
    <section class="reply-page">
      <h1>
        <a href={threadPath(scope.thread)}>{scope.thread.title}</a>
      </h1>
      <ReplyForm vc={vc} thread={scope.thread} category={scope.category} value={value} problem={problem} inline={false} />
    </section>,
  );
}
