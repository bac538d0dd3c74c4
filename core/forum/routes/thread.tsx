import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { excerpt } from '../../markdown/index.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { canSeeThread, findThreadContext, type ThreadContext } from '../service/lookup.ts';
import { threadPath } from '../service/slug.ts';
import { tagsForThreads } from '../service/tags.ts';
import type { ViewCounter } from '../service/view-counter.ts';
import { firstPost, pageCount, POSTS_PER_PAGE, postsAfter, postsByIds, postsOnPage } from '../service/thread-page.ts';
import { markRead, watchLevel } from '../../watching/index.ts';
import { ThreadHeader } from '../views/thread-header.tsx';
import { MoreLink } from '../views/thread-list.tsx';
import { nextPageHref, PostRun, ThreadPage } from '../views/thread-page.tsx';
import { idParam, isHtmx, pageParam } from './context.ts';

/** The thread a viewer may see, or a 404 that does not tell hidden from missing. */
export async function visibleThread(c: Context, id: number): Promise<ThreadContext> {
  const found = await findThreadContext(c.var.deps.db, id);
  if (!found || !canSeeThread(c.var.user, found)) throw new UserError(404, 'error.404.body');
  return found;
}

export function threadRoutes(views: ViewCounter): Hono {
  const app = new Hono();

  app.get('/t/:id{[0-9]+}/:slug?', async (c) => {
    const { db } = c.var.deps;
    const scope = await visibleThread(c, idParam(c.req.param('id')));
    const { thread } = scope;
    const page = pageParam(c.req.query('page'));
    const base = threadPath(thread);
    if ((c.req.param('slug') ?? '') !== thread.slug) return c.redirect(page > 1 ? `${base}?page=${page}` : base, 301);
    // a plugin may order the posts (Q&A: answers by votes); pages then are slices of its list
    const { postIds: order } = await c.var.deps.plugins.hooks.filter(
      'thread.postOrder',
      { thread, category: scope.category, postIds: null },
      { user: c.var.user, categoryId: thread.categoryId },
    );
    const pages = order ? Math.max(1, Math.ceil(order.length / POSTS_PER_PAGE)) : pageCount(thread);
    if (page > pages) throw new UserError(404, 'error.404.body');
    const vc = viewContext(c);
    const posts = order
      ? await postsByIds(db, thread.id, order.slice((page - 1) * POSTS_PER_PAGE, page * POSTS_PER_PAGE), c.var.user?.id ?? null)
      : await postsOnPage(db, thread.id, page, c.var.user?.id ?? null);
    c.header('Vary', 'HX-Request', { append: true });
    if (isHtmx(c) && c.req.query('page')) {
      return c.html(
        <>
          <PostRun vc={vc} scope={scope} posts={posts} />
          <MoreLink vc={vc} href={nextPageHref(scope, page, pages)} list="posts" oob />
        </>,
      );
    }
    const [tags, first] = await Promise.all([
      tagsForThreads(db, [thread.id]),
      page === 1 && posts[0]?.post.number === 1 ? Promise.resolve(posts[0].post) : firstPost(db, thread.id),
    ]);
    views.add(thread.id);
    const user = c.var.user;
    const lastShown = posts.reduce((max, view) => Math.max(max, view.post.number), 0);
    const [watch] = await Promise.all([
      user ? watchLevel(db, user.id, thread.id) : undefined,
      user && lastShown ? markRead(db, user.id, thread.id, lastShown) : undefined,
    ]);
    return renderPage(
      c,
      {
        title: page > 1 ? vc.t('forum.thread.pageTitle', { title: thread.title, page }) : thread.title,
        canonical: `${vc.origin}${page > 1 ? `${base}?page=${page}` : base}`,
        description: first && !first.deletedAt ? excerpt(first.raw, 160) : undefined,
      },
      <ThreadPage vc={vc} scope={scope} tags={tags.get(thread.id) ?? []} posts={posts} page={page} pages={pages} watch={watch} />,
    );
  });

  // New replies for an open page (live.js "N new replies"): the posts after the last one it shows.
  app.get('/t/:id{[0-9]+}/after/:number{[0-9]+}', async (c) => {
    const scope = await visibleThread(c, idParam(c.req.param('id')));
    const after = Number(c.req.param('number'));
    const user = c.var.user;
    const posts = await postsAfter(c.var.deps.db, scope.thread.id, after, user?.id ?? null);
    const last = posts[posts.length - 1]?.post.number;
    if (user && last) await markRead(c.var.deps.db, user.id, scope.thread.id, last);
    return c.html(<PostRun vc={viewContext(c)} scope={scope} posts={posts} />);
  });

  return app;
}

/** The header alone, for htmx after a staff action. */
export async function threadHeaderFragment(c: Context, threadId: number): Promise<Response> {
  const scope = await visibleThread(c, threadId);
  const tags = await tagsForThreads(c.var.deps.db, [threadId]);
  const vc = viewContext(c);
  return c.html(<ThreadHeader vc={vc} thread={scope.thread} category={scope.category} parent={scope.parent} tags={tags.get(threadId) ?? []} />);
}
