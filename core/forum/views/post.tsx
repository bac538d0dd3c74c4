import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { canSeeDeleted, isStaffViewer } from '../permissions.ts';
import type { PostView } from '../service/thread-page.ts';
import { Avatar, AuthorName, Time } from './bits.tsx';
import { PostActions, type PostScope } from './post-actions.tsx';

export const PostItem: FC<{ vc: ViewContext; view: PostView; scope: PostScope }> = ({ vc, view, scope }) => {
  const { post, author } = view;
  const { t } = vc;
  const id = `post-${post.number}`;
  if (post.deletedAt && !canSeeDeleted(vc.user)) {
    return (
      <article class="post deleted tombstone" id={id} data-post-id={post.id} data-post-number={post.number}>
        <p class="muted small">{t('forum.post.deletedTombstone', { number: post.number })}</p>
      </article>
    );
  }
  return (
    <article class={post.deletedAt ? 'post deleted' : 'post'} id={id} data-post-id={post.id} data-post-number={post.number}>
      <header class="post-header">
        <Avatar author={author} />
        <AuthorName vc={vc} author={author} />
        <a href={`/p/${post.id}`} class="post-date">
          <Time vc={vc} date={post.createdAt} />
        </a>
        {post.editCount > 0 ? (
          isStaffViewer(vc.user) ? (
            <a class="edited" href={`/p/${post.id}/history`} title={post.editedAt ? vc.tr.date(post.editedAt, 'long') : undefined}>
              {t('forum.post.edited')}
            </a>
          ) : (
            <span class="edited muted" title={post.editedAt ? vc.tr.date(post.editedAt, 'long') : undefined}>
              {t('forum.post.edited')}
            </span>
          )
        ) : null}
        {post.deletedAt ? <span class="badge deleted">{t('forum.post.deletedStaff')}</span> : null}
      </header>
      {/* sanitised when the post was written (core/markdown): the only raw HTML we output */}
      <div class="post-body">{raw(post.html)}</div>
      <PostActions vc={vc} post={post} liked={view.liked} username={author?.username} scope={scope} />
    </article>
  );
};
