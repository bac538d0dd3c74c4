import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { pageMarkup, renderPage } from '../../ui/page.tsx';
import { viewContext, type ViewContext } from '../../ui/view-context.ts';
import type { User } from '../../accounts/schema.ts';
import { memberPageKey, memberPagesFor, memberTemplates, type ThreadPageMeta } from '../../http/member-pages/store.ts';
import { memberPageResponse } from '../../http/member-pages/respond.ts';
import { MemberTemplate, renderToString, templateViewContext } from '../../http/member-pages/template.tsx';
import { canSeeThread, findThreadContext, type ThreadContext } from '../service/lookup.ts';
import { threadPath } from '../service/slug.ts';
import { tagsForThreads } from '../service/tags.ts';
import type { ViewCounter } from '../service/view-counter.ts';
import { loadSharedThreadPage, pageCount, POSTS_PER_PAGE, postsAfter, postsByIds, viewOfSharedPage, type SharedThreadPage } from '../service/thread-page.ts';
import { sharedReadsFor } from '../../cache/shared-reads.ts';
import { viewerReadsFor } from '../../cache/viewer-reads.ts';
import { viewerReadKeys } from '../../cache/viewer-read-keys.ts';
import { likedByViewer } from '../service/likes.ts';
import { markRead, watchLevel, type WatchLevel } from '../../watching/index.ts';
import { ThreadHeader } from '../views/thread-header.tsx';
import { MoreLink } from '../views/thread-list.tsx';
import { nextPageHref, PostRun, ThreadPage } from '../views/thread-page.tsx';
import { preloadPostSlots } from '../views/post-slots.ts';
import { idParam, isHtmx, pageParam } from './context.ts';

/** The thread a viewer may see, or a 404 that does not tell hidden from missing. */
export async function visibleThread(c: Context, id: number): Promise<ThreadContext> {
  const found = await findThreadContext(c.get('deps').db, id);
  if (!found || !canSeeThread(c.get('user'), found)) throw new UserError(404, 'error.404.body');
  return found;
}

/**
 * Starts a query whose result may turn out not to be needed: a failure is kept for whoever asks, and is
 * never an unhandled rejection when nobody does.
 */
function settle<T>(promise: Promise<T>): () => Promise<T> {
  promise.catch(() => {});
  return () => promise;
}

export function threadRoutes(views: ViewCounter): Hono {
  const app = new Hono();

  app.get('/t/:id{[0-9]+}/:slug?', async (c) => {
    const { db } = c.get('deps');
    const user = c.get('user');
    const id = idParam(c.req.param('id'));
    const page = pageParam(c.req.query('page'));
    const fragment = isHtmx(c) && c.req.query('page') !== undefined;
    // the viewer's watch level needs only the id: it is read alongside the shared page
    const ownReads = viewerReadsFor(c.get('deps'));
    const watching = fragment || !user ? undefined : settle(ownReads.get(user.id, viewerReadKeys.watch(id), () => watchLevel(db, user.id, id)));
    const sharedPages = sharedReadsFor<SharedThreadPage>(c.get('deps'), 'threadPages', 200);
    const shared = await sharedPages.get(`${id}:${page}`, () => loadSharedThreadPage(db, id, page));
    const scope = shared.scope;
    if (!scope || !canSeeThread(user, scope)) throw new UserError(404, 'error.404.body');
    const { thread } = scope;
    const base = threadPath(thread);
    if ((c.req.param('slug') ?? '') !== thread.slug) return c.redirect(page > 1 ? `${base}?page=${page}` : base, 301);
    // a plugin may order the posts (Q&A: answers by votes); pages then are slices of its list
    const { postIds: order } = await c.get('deps').plugins.hooks.filter(
      'thread.postOrder',
      { thread, category: scope.category, postIds: null },
      { user, categoryId: thread.categoryId },
    );
    const pages = order ? Math.max(1, Math.ceil(order.length / POSTS_PER_PAGE)) : pageCount(thread);
    if (page > pages) throw new UserError(404, 'error.404.body');
    if (user && !fragment && !order && !c.get('standing') && memberTemplates.enabled) {
      return memberThreadPage(c, { user, scope, shared, page, pages, watching, views });
    }
    const vc = viewContext(c);
    const loadingPosts = order
      ? postsByIds(db, thread.id, order.slice((page - 1) * POSTS_PER_PAGE, page * POSTS_PER_PAGE), user?.id ?? null)
      : viewOfSharedPage(shared, (postIds) => (user ? ownReads.get(user.id, viewerReadKeys.likes(postIds), () => likedByViewer(db, user.id, postIds)) : undefined));
    // plugins' slots load for the whole page alongside the viewer's own reads, so the render waits on nothing
    const preloading = order
      ? loadingPosts.then((views) => preloadPostSlots(c, vc, scope, views.map((view) => view.post)))
      : preloadPostSlots(c, vc, scope, shared.posts);
    const [posts, watch] = await Promise.all([loadingPosts, watching?.(), preloading]);
    c.header('Vary', 'HX-Request', { append: true });
    if (fragment) {
      return c.html(
        <>
          <PostRun vc={vc} scope={scope} posts={posts} />
          <MoreLink vc={vc} href={nextPageHref(scope, page, pages)} list="posts" oob />
        </>,
      );
    }
    views.add(thread.id);
    const lastShown = posts.reduce((max, view) => Math.max(max, view.post.number), 0);
    // the read position is written while the page renders
    const marking = user && lastShown ? markRead(db, user.id, thread.id, lastShown) : undefined;
    const response = await renderPage(
      c,
      {
        title: page > 1 ? vc.t('forum.thread.pageTitle', { title: thread.title, page }) : thread.title,
        canonical: `${vc.origin}${page > 1 ? `${base}?page=${page}` : base}`,
        description: shared.description,
      },
      <ThreadPage vc={vc} scope={scope} tags={shared.tags} posts={posts} page={page} pages={pages} watch={watch} />,
    );
    await marking;
    return response;
  });

  // New replies for an open page (live.js "N new replies"): the posts after the last one it shows.
  app.get('/t/:id{[0-9]+}/after/:number{[0-9]+}', async (c) => {
    const scope = await visibleThread(c, idParam(c.req.param('id')));
    const after = Number(c.req.param('number'));
    const user = c.get('user');
    const posts = await postsAfter(c.get('deps').db, scope.thread.id, after, user?.id ?? null);
    const last = posts[posts.length - 1]?.post.number;
    const vc = viewContext(c);
    await Promise.all([
      user && last ? markRead(c.get('deps').db, user.id, scope.thread.id, last) : undefined,
      preloadPostSlots(c, vc, scope, posts.map((view) => view.post)),
    ]);
    return c.html(<PostRun vc={vc} scope={scope} posts={posts} />);
  });

  return app;
}

interface MemberPageInput {
  user: User;
  scope: NonNullable<SharedThreadPage['scope']>;
  shared: SharedThreadPage;
  page: number;
  pages: number;
  watching: (() => Promise<WatchLevel>) | undefined;
  views: ViewCounter;
}

/**
 * A member's full thread page: the page every member of their class sees (core/http/member-pages), rendered
 * once and kept with the shared reads, with this member's parts, counts and token filled in. Requests for
 * a template that is already held are answered by the member lane without reaching this route.
 */
async function memberThreadPage(c: Context, { user, scope, shared, page, pages, watching, views }: MemberPageInput): Promise<Response> {
  const { db } = c.get('deps');
  const { thread } = scope;
  views.add(thread.id);
  const postIds = shared.posts.map((post) => post.id);
  const lastShown = shared.posts.reduce((max, post) => Math.max(max, post.number), 0);
  const marking = lastShown ? markRead(db, user.id, thread.id, lastShown) : undefined;
  const templates = memberPagesFor(c.get('deps'));
  const loadingTemplate = templates.get(memberPageKey(user, c.get('locale'), c.req.url), () => threadTemplate(c, { scope, shared, page, pages, postIds, lastShown }));
  const ownReads = viewerReadsFor(c.get('deps'));
  const [template, likes, watch] = await Promise.all([
    loadingTemplate,
    ownReads.get(user.id, viewerReadKeys.likes(postIds), () => likedByViewer(db, user.id, postIds)),
    watching?.(),
    ...(c.get('beforeRender') ?? []),
  ]);
  const response = await memberPageResponse(c, template, user, { liked: (postId: number) => likes.has(postId), watch });
  await marking;
  return response;
}

/** The thread page as every member of the viewer's class sees it, with each member's parts left open. */
async function threadTemplate(
  c: Context,
  input: Pick<MemberPageInput, 'scope' | 'shared' | 'page' | 'pages'> & Omit<ThreadPageMeta, 'threadId'>,
): Promise<MemberTemplate<ThreadPageMeta>> {
  const { scope, shared, page, pages } = input;
  const { thread } = scope;
  const vc = templateViewContext(viewContext(c) as ViewContext & { user: User });
  await preloadPostSlots(c, vc, scope, shared.posts);
  const base = threadPath(thread);
  const posts = shared.posts.map((post) => ({ post, author: shared.authors.get(post.authorId), liked: false }));
  const html = await renderToString(
    pageMarkup(
      vc,
      {
        title: page > 1 ? vc.t('forum.thread.pageTitle', { title: thread.title, page }) : thread.title,
        canonical: `${vc.origin}${page > 1 ? `${base}?page=${page}` : base}`,
        description: shared.description,
      },
      <ThreadPage vc={vc} scope={scope} tags={shared.tags} posts={posts} page={page} pages={pages} />,
    ),
  );
  return new MemberTemplate(html, vc, { threadId: thread.id, postIds: input.postIds, lastShown: input.lastShown });
}

/** The header alone, for htmx after a staff action. */
export async function threadHeaderFragment(c: Context, threadId: number): Promise<Response> {
  const scope = await visibleThread(c, threadId);
  const tags = await tagsForThreads(c.get('deps').db, [threadId]);
  const vc = viewContext(c);
  return c.html(<ThreadHeader vc={vc} thread={scope.thread} category={scope.category} parent={scope.parent} tags={tags.get(threadId) ?? []} />);
}
