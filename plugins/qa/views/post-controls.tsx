import type { FC } from 'hono/jsx';
import { CsrfField, type Post, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { QaThreadData } from '../service/thread-data.ts';
import { Comments } from './comments.tsx';
import { VoteWidget } from './vote-widget.tsx';

/** Accept / unaccept for whoever may accept; a plain form, the page reloads in its new order. */
export const AcceptControl: FC<{ vc: ViewContext; thread: Thread; post: Post; accepted: boolean }> = ({ vc, thread, post, accepted }) => {
  const action = accepted ? paths.unaccept(thread.id) : paths.accept(thread.id, post.id);
  const label = vc.t(accepted ? 'qa.accept.undo' : 'qa.accept.do');
  return (
    <form class="qa-accept-form" method="post" action={action}>
      <CsrfField vc={vc} />
      <button type="submit" class={accepted ? 'qa-accept-button accepted' : 'qa-accept-button'} aria-pressed={accepted ? 'true' : 'false'} title={label}>
        {accepted ? `✓ ${label}` : label}
      </button>
    </form>
  );
};

/** Under every post of a question: votes, accepting (answers) and the comment thread. */
export const PostControls: FC<{ vc: ViewContext; thread: Thread; post: Post; data: QaThreadData; mayAccept: boolean }> = ({
  vc,
  thread,
  post,
  data,
  mayAccept,
}) => {
  if (post.deletedAt) return null;
  const accepted = data.question?.acceptedPostId === post.id;
  return (
    <div class="qa-post-controls">
      <div class="qa-post-actions">
        <VoteWidget vc={vc} thread={thread} post={post} score={data.scores.get(post.id) ?? 0} mine={data.myVotes.get(post.id) ?? 0} />
        {post.number > 1 && mayAccept ? <AcceptControl vc={vc} thread={thread} post={post} accepted={accepted} /> : null}
      </div>
      <Comments vc={vc} thread={thread} postId={post.id} comments={data.comments.get(post.id) ?? []} />
    </div>
  );
};

/** The clear mark beside the accepted answer's author. */
export const AcceptedMark: FC<{ vc: ViewContext }> = ({ vc }) => <span class="badge qa-accepted-mark">✓ {vc.t('qa.accepted')}</span>;
