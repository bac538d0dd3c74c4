import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { cachedTrustSettings } from '../../trust/settings.ts';
import { canSeeDeleted, isStaffViewer } from '../permissions.ts';
import type { PostView } from '../service/thread-page.ts';
import { Avatar, AuthorName, Time } from './bits.tsx';
import { PostActions, type PostScope } from './post-actions.tsx';
import { MemberPart } from '../../ui/member-parts.tsx';

/** Whether the viewer wrote the post: the one fact of their identity a post's rendering depends on. */
const authorship = (vc: ViewContext, post: PostView['post']): string => (vc.user?.id === post.authorId ? 'author' : 'reader');

export const PostItem: FC<{ vc: ViewContext; view: PostView; scope: PostScope }> = ({ vc, view, scope }) => {
  const { post } = view;
  // held for review (core/moderation): only staff and the author know it exists
  if (post.heldAt && !canSeeDeleted(vc.user)) {
    return (
      <MemberPart
        vc={vc}
        variant={(own) => authorship(own, post)}
        render={(own, state) => (own.user?.id === post.authorId ? <PostBody vc={own} view={{ ...view, liked: state.liked(post.id) }} scope={scope} /> : null)}
        state={{ liked: () => view.liked }}
      />
    );
  }
  return <PostBody vc={vc} view={view} scope={scope} />;
};

const PostBody: FC<{ vc: ViewContext; view: PostView; scope: PostScope }> = ({ vc, view, scope }) => {
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
        <Slot name="post.byline" vc={vc} categoryId={scope.category.id} post={post} thread={scope.thread} category={scope.category} />
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
        {post.wiki ? (
          <span class="badge wiki" title={t('forum.wiki.explain', { level: cachedTrustSettings().abilityLevels.editWiki })}>
            {t('forum.wiki.badge')}
          </span>
        ) : null}
        {post.deletedAt ? <span class="badge deleted">{t('forum.post.deletedStaff')}</span> : null}
        {post.heldAt ? <span class="badge held" title={t('moderation.held.explain')}>{t('moderation.held.badge')}</span> : null}
      </header>
      {/* sanitised when the post was written (core/markdown): the only raw HTML we output */}
      <div class="post-body">{raw(post.html)}</div>
      <MemberPart
        vc={vc}
        variant={(own, state) => `${authorship(own, post)}|${state.liked(post.id)}`}
        render={(own, state) => <PostControls vc={own} view={view} liked={state.liked(post.id)} scope={scope} />}
        state={{ liked: () => view.liked }}
      />
    </article>
  );
};

/** Like, quote, edit, delete, report: what the viewer may do with the post. */
const PostControls: FC<{ vc: ViewContext; view: PostView; liked: boolean; scope: PostScope }> = ({ vc, view, liked, scope }) => {
  const { post, author } = view;
  return (
    <>
      <PostActions vc={vc} post={post} liked={liked} username={author?.username} scope={scope} />
      {vc.user && vc.user.id !== post.authorId && !post.deletedAt ? (
        <a class="report-link small muted" href={`/report/post/${post.id}`} rel="nofollow">
          {vc.t('moderation.report.link')}
        </a>
      ) : null}
    </>
  );
};
