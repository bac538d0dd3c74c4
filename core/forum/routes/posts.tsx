import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { trustSettings } from '../../trust/settings.ts';
import { canEditPost, canEditWiki, isStaffViewer } from '../permissions.ts';
import { deletePost, restorePost } from '../service/delete-post.ts';
import { editPost } from '../service/edit-post.ts';
import { postHistory } from '../service/history.ts';
import { quoteFor } from '../service/quote.ts';
import { toggleLike } from '../service/likes.ts';
import { setWiki } from '../service/wiki.ts';
import { canSeeThread, findPostContext, type PostContext } from '../service/lookup.ts';
import { categoryPath, threadPath } from '../service/slug.ts';
import { tagsForThreads } from '../service/tags.ts';
import { postPath, withAuthors } from '../service/thread-page.ts';
import { HistoryPage } from '../views/history-page.tsx';
import { LikeButton } from '../views/like-button.tsx';
import { PostEditForm } from '../views/post-edit-form.tsx';
import { PostItem } from '../views/post.tsx';
import { ThreadHeader } from '../views/thread-header.tsx';
import { formBody, idParam, isHtmx, loginPath, redirectAfterPost, writer } from './context.ts';
import { formProblem } from './problems.ts';

async function visiblePost(c: Context, id: number): Promise<PostContext> {
  const found = await findPostContext(c.get('deps').db, id);
  if (!found || !canSeeThread(c.get('user'), found)) throw new UserError(404, 'error.404.body');
  return found;
}

/** The post as it now is, for htmx to swap in; with the thread header too when the opening post's edit may have retitled it. */
async function postFragment(c: Context, postId: number, withHeader = false): Promise<Response> {
  const found = await visiblePost(c, postId);
  const vc = viewContext(c);
  const [[view], tags] = await Promise.all([
    withAuthors(c.get('deps').db, [found.post], c.get('user')?.id ?? null),
    withHeader ? tagsForThreads(c.get('deps').db, [found.thread.id]) : Promise.resolve(new Map<number, string[]>()),
  ]);
  return c.html(
    <>
      <PostItem vc={vc} view={view!} scope={found} />
      {withHeader ? (
        <ThreadHeader vc={vc} thread={found.thread} category={found.category} parent={found.parent} tags={tags.get(found.thread.id) ?? []} oob />
      ) : null}
    </>,
  );
}

/** Permalinks, editing, deleting, restoring, liking and edit history of single posts. */
export function postRoutes(): Hono {
  const app = new Hono();

  app.get('/p/:id{[0-9]+}', async (c) => {
    const found = await visiblePost(c, idParam(c.req.param('id')));
    if (isHtmx(c)) return postFragment(c, found.post.id);
    return c.redirect(postPath(found.thread, found.post.number), 302);
  });

  // The quote button's text, fetched when it is clicked (forum.js) rather than carried in every page.
  app.get('/p/:id{[0-9]+}/quote', async (c) => {
    if (!c.get('user')) throw new UserError(403, 'forum.loginRequired');
    const text = await quoteFor(c.get('deps').db, c.get('user'), idParam(c.req.param('id')));
    if (text === null) throw new UserError(404, 'error.404.body');
    c.header('Cache-Control', 'private, no-store');
    return c.text(text);
  });

  app.get('/p/:id{[0-9]+}/edit', async (c) => {
    const found = await visiblePost(c, idParam(c.req.param('id')));
    const asOwner = canEditPost(c.get('user'), found.post, found.thread);
    if (!asOwner && !canEditWiki(c.get('user'), found.post, found, await trustSettings(c.get('deps').db))) throw new UserError(403, 'forum.edit.notAllowed');
    const vc = viewContext(c);
    const form = <PostEditForm vc={vc} post={found.post} thread={found.thread} withTitle={asOwner} />;
    if (isHtmx(c)) return c.html(form);
    return renderPage(c, { title: vc.t('forum.edit.title') }, <section class="edit-page">{form}</section>);
  });

  app.post('/p/:id{[0-9]+}/edit', async (c) => {
    const postId = idParam(c.req.param('id'));
    if (!c.get('user')) return redirectAfterPost(c, loginPath(`/p/${postId}`));
    const form = await formBody(c);
    try {
      const { post } = await editPost(writer(c), postId, { raw: form.raw ?? '', title: form.title });
      return isHtmx(c) ? postFragment(c, postId, post.number === 1) : c.redirect(`/p/${postId}`, 303);
    } catch (error) {
      const { problem, status } = formProblem(error);
      const found = await visiblePost(c, postId);
      const vc = viewContext(c);
      const withTitle = canEditPost(c.get('user'), found.post, found.thread);
      const view = <PostEditForm vc={vc} post={found.post} thread={found.thread} form={form} problem={problem} withTitle={withTitle} />;
      if (isHtmx(c)) return c.html(view, status);
      return renderPage(c, { title: vc.t('forum.edit.title'), status }, <section class="edit-page">{view}</section>);
    }
  });

  app.post('/p/:id{[0-9]+}/delete', async (c) => {
    const postId = idParam(c.req.param('id'));
    if (!c.get('user')) return redirectAfterPost(c, loginPath(`/p/${postId}`));
    const { post, thread } = await deletePost(writer(c), postId);
    if (post.number === 1) {
      // the thread went with it: staff stay on it (to restore), its author goes to the category
      if (isStaffViewer(c.get('user'))) return redirectAfterPost(c, threadPath(thread));
      const found = await findPostContext(c.get('deps').db, postId);
      return redirectAfterPost(c, found ? categoryPath(found.category) : '/');
    }
    return isHtmx(c) ? postFragment(c, postId) : c.redirect(postPath(thread, post.number), 303);
  });

  app.post('/p/:id{[0-9]+}/restore', async (c) => {
    const postId = idParam(c.req.param('id'));
    if (!c.get('user')) return redirectAfterPost(c, loginPath(`/p/${postId}`));
    const { post, thread } = await restorePost(writer(c), postId);
    if (post.number === 1) return redirectAfterPost(c, threadPath(thread));
    return isHtmx(c) ? postFragment(c, postId) : c.redirect(postPath(thread, post.number), 303);
  });

  // staff and the category's moderators make a post a wiki (wiki=1) or not (wiki=0)
  app.post('/p/:id{[0-9]+}/wiki', async (c) => {
    const postId = idParam(c.req.param('id'));
    if (!c.get('user')) return redirectAfterPost(c, loginPath(`/p/${postId}`));
    const form = await formBody(c);
    if (form.wiki !== '0' && form.wiki !== '1') throw new UserError(400, 'error.400.body');
    const post = await setWiki(writer(c), postId, form.wiki === '1');
    if (isHtmx(c)) return postFragment(c, postId);
    const found = await visiblePost(c, postId);
    return c.redirect(postPath(found.thread, post.number), 303);
  });

  app.post('/p/:id{[0-9]+}/like', async (c) => {
    const postId = idParam(c.req.param('id'));
    if (!c.get('user')) return redirectAfterPost(c, loginPath(`/p/${postId}`));
    const { post, liked } = await toggleLike(writer(c), postId);
    if (isHtmx(c)) return c.html(<LikeButton vc={viewContext(c)} post={post} liked={liked} />);
    const found = await visiblePost(c, postId);
    return c.redirect(postPath(found.thread, post.number), 303);
  });

  app.get('/p/:id{[0-9]+}/history', async (c) => {
    const found = await visiblePost(c, idParam(c.req.param('id')));
    if (!isStaffViewer(c.get('user'))) throw new UserError(403, 'forum.history.staffOnly');
    const vc = viewContext(c);
    const revisions = await postHistory(c.get('deps').db, found.post.id);
    return renderPage(
      c,
      { title: vc.t('forum.history.title', { number: found.post.number }) },
      <HistoryPage vc={vc} post={found.post} thread={found.thread} revisions={revisions} />,
    );
  });

  return app;
}

