import type { FC } from 'hono/jsx';
import { CsrfField, type Post, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { canVote } from '../service/permissions.ts';

export interface VoteWidgetProps {
  vc: ViewContext;
  thread: Pick<Thread, 'id' | 'locked'>;
  post: Pick<Post, 'id' | 'authorId' | 'deletedAt'>;
  score: number;
  /** The viewer's vote: 1, -1 or 0. */
  mine: number;
}

/** Up / down voting as two small forms (works without JavaScript); htmx swaps the widget for the new one. */
export const VoteWidget: FC<VoteWidgetProps> = ({ vc, thread, post, score, mine }) => {
  const { t } = vc;
  const scoreText = <span class="qa-score" aria-label={t('qa.vote.score', { score: vc.tr.number(score) })}>{vc.tr.number(score)}</span>;
  if (!canVote(vc.user, post, thread) || post.deletedAt) {
    const title = !vc.user ? t('qa.vote.login') : vc.user.id === post.authorId ? t('qa.vote.own') : undefined;
    return (
      <div class="qa-vote" id={`qa-vote-${post.id}`} title={title}>
        {scoreText}
      </div>
    );
  }
  const button = (value: 1 | -1) => {
    const pressed = mine === value;
    const label = value === 1 ? (pressed ? t('qa.vote.undoUp') : t('qa.vote.up')) : pressed ? t('qa.vote.undoDown') : t('qa.vote.down');
    return (
      <form method="post" action={paths.vote(thread.id, post.id)} hx-post={paths.vote(thread.id, post.id)} hx-target={`#qa-vote-${post.id}`} hx-swap="outerHTML">
        <CsrfField vc={vc} />
        <input type="hidden" name="value" value={pressed ? '0' : String(value)} />
        <button type="submit" class={`qa-vote-button ${value === 1 ? 'up' : 'down'}`} aria-pressed={pressed ? 'true' : 'false'} aria-label={label} title={label}>
          {value === 1 ? '▲' : '▼'}
        </button>
      </form>
    );
  };
  return (
    <div class="qa-vote" id={`qa-vote-${post.id}`}>
      {button(1)}
      {scoreText}
      {button(-1)}
    </div>
  );
};
