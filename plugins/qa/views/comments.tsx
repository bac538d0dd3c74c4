import type { FC } from 'hono/jsx';
import { CsrfField, isStaffViewer, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { canComment } from '../service/comments.ts';
import type { CommentView } from '../service/thread-data.ts';
import { COMMENT_MAX_LENGTH } from '../settings.ts';

export interface CommentsProps {
  vc: ViewContext;
  thread: Pick<Thread, 'id' | 'locked'>;
  postId: number;
  comments: CommentView[];
  /** The text and the error when a comment was refused. */
  draft?: string;
  error?: string;
}

/** Short comments under a post, oldest first, with a one-line form (inside a <details> until opened). */
export const Comments: FC<CommentsProps> = ({ vc, thread, postId, comments, draft, error }) => {
  const { t } = vc;
  const user = vc.user;
  const action = paths.comments(thread.id, postId);
  return (
    <section class="qa-comments" id={`qa-comments-${postId}`} aria-label={t('qa.comment.heading')}>
      {comments.length ? (
        <ul class="qa-comment-list">
          {comments.map((comment) => (
            <li class="qa-comment" id={`qa-comment-${comment.id}`}>
              <span class="qa-comment-body">{comment.body}</span> –{' '}
              <a class="qa-comment-author" href={`/u/${encodeURIComponent(comment.author.username)}`}>
                {comment.author.displayName}
              </a>{' '}
              <time class="muted small" datetime={comment.createdAt.toISOString()}>
                {vc.tr.date(comment.createdAt, 'short')}
              </time>
              {user && (user.id === comment.authorId || isStaffViewer(user)) ? (
                <form
                  class="qa-comment-delete"
                  method="post"
                  action={paths.deleteComment(thread.id, comment.id)}
                  hx-post={paths.deleteComment(thread.id, comment.id)}
                  hx-target={`#qa-comments-${postId}`}
                  hx-swap="outerHTML"
                >
                  <CsrfField vc={vc} />
                  <button type="submit" class="link-button small" aria-label={t('qa.comment.delete')}>
                    {t('qa.comment.delete')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canComment(user, thread) ? (
        <details class="qa-comment-compose" open={error ? true : undefined}>
          <summary>{t('qa.comment.add')}</summary>
          <form method="post" action={action} hx-post={action} hx-target={`#qa-comments-${postId}`} hx-swap="outerHTML">
            <CsrfField vc={vc} />
            <label for={`qa-comment-input-${postId}`} class="visually-hidden">
              {t('qa.comment.label')}
            </label>
            <input
              id={`qa-comment-input-${postId}`}
              name="qa_comment"
              type="text"
              maxlength={COMMENT_MAX_LENGTH}
              minlength={2}
              required
              value={draft ?? ''}
              placeholder={t('qa.comment.placeholder')}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `qa-comment-error-${postId}` : undefined}
            />
            <button type="submit">{t('qa.comment.submit')}</button>
            {error ? (
              <p class="field-error" id={`qa-comment-error-${postId}`} role="alert">
                {t(error, { max: COMMENT_MAX_LENGTH })}
              </p>
            ) : null}
          </form>
        </details>
      ) : null}
    </section>
  );
};
