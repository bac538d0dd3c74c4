import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Post } from '../schema.ts';
import { countText } from './bits.tsx';

/** The like toggle: a small form, so it works without JavaScript; htmx swaps the form for the answer. */
export const LikeButton: FC<{ vc: ViewContext; post: Post; liked: boolean }> = ({ vc, post, liked }) => {
  const count = <span class="like-count">{vc.tr.number(post.likeCount)}</span>;
  const label = countText(vc, 'forum.like.count', post.likeCount);
  if (!vc.user) {
    return (
      <a class="button like-button" href={`/login?next=${encodeURIComponent(`/p/${post.id}`)}`} title={vc.t('forum.like.login')} aria-label={label}>
        {count}
      </a>
    );
  }
  if (vc.user.id === post.authorId || post.deletedAt) {
    return (
      <span class="like-button own" title={label} aria-label={label}>
        {count}
      </span>
    );
  }
  return (
    <form class="like-form" method="post" action={`/p/${post.id}/like`} hx-post={`/p/${post.id}/like`} hx-target="this" hx-swap="outerHTML">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <button type="submit" class="like-button" aria-pressed={liked ? 'true' : 'false'} title={vc.t(liked ? 'forum.like.undo' : 'forum.like.do')} aria-label={`${vc.t(liked ? 'forum.like.undo' : 'forum.like.do')} (${label})`}>
        {count}
      </button>
    </form>
  );
};
