import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { canDeletePost, canEditPost, canEditWiki, canReply, canToggleWiki, isStaffViewer } from '../permissions.ts';
import type { Category, Post, Thread } from '../schema.ts';
import { LikeButton } from './like-button.tsx';

export interface PostScope {
  thread: Thread;
  category: Category;
  parent: Category | null;
}

export const PostActions: FC<{ vc: ViewContext; post: Post; liked: boolean; username: string | undefined; scope: PostScope }> = ({
  vc,
  post,
  liked,
  username,
  scope,
}) => {
  const { t, user } = vc;
  const { thread, category, parent } = scope;
  const replyable = canReply(user, category, thread, parent) && !thread.deletedAt && !post.deletedAt;
  const swap = { 'hx-target': 'closest article', 'hx-swap': 'outerHTML' };
  return (
    <footer class="post-actions">
      <LikeButton vc={vc} post={post} liked={liked} />
      {replyable && username ? (
        <a
          class="button small quote-button"
          href={`/t/${thread.id}/reply?quote=${post.id}#reply-raw`}
          data-quote-target="#reply-raw"
          data-quote-source={`/p/${post.id}/quote`}
        >
          {t('forum.post.quote')}
        </a>
      ) : null}
      {(canEditPost(user, post, thread) || canEditWiki(user, post, scope)) && !post.deletedAt ? (
        <a class="button small" href={`/p/${post.id}/edit`} hx-get={`/p/${post.id}/edit`} {...swap}>
          {t('common.edit')}
        </a>
      ) : null}
      {canDeletePost(user, post) ? (
        <form method="post" action={`/p/${post.id}/delete`} hx-post={`/p/${post.id}/delete`} {...swap}>
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="small danger" data-confirm={t(post.number === 1 ? 'forum.thread.deleteConfirm' : 'forum.post.deleteConfirm')}>
            {t('common.delete')}
          </button>
        </form>
      ) : null}
      {!post.deletedAt && canToggleWiki(user, category.id) ? (
        <form method="post" action={`/p/${post.id}/wiki`} hx-post={`/p/${post.id}/wiki`} {...swap}>
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <input type="hidden" name="wiki" value={post.wiki ? '0' : '1'} />
          <button type="submit" class="small">
            {t(post.wiki ? 'forum.wiki.remove' : 'forum.wiki.make')}
          </button>
        </form>
      ) : null}
      {post.deletedAt && isStaffViewer(user) ? (
        <form method="post" action={`/p/${post.id}/restore`} hx-post={`/p/${post.id}/restore`} {...swap}>
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="small">
            {t('forum.post.restore')}
          </button>
        </form>
      ) : null}
      <a class="button small link post-link" href={`/p/${post.id}`} title={t('forum.post.permalink')}>
        #{post.number}
      </a>
      <Slot name="post.footer" vc={vc} categoryId={category.id} post={post} thread={thread} category={category} />
    </footer>
  );
};
