import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths, pollDomId } from '../paths.ts';
import type { PollView } from '../service/load-polls.ts';
import { Csrf } from './inputs.tsx';

/** A small form whose answer (the updated block) htmx swaps in; without JavaScript it posts and redirects. */
const BlockAction: FC<{ vc: ViewContext; action: string; target: string; label: string; confirm?: string; danger?: boolean }> = ({ vc, action, target, label, confirm, danger }) => (
  <form method="post" action={action} hx-post={action} hx-target={`#${target}`} hx-swap="outerHTML" class="inline">
    <Csrf vc={vc} />
    <button type="submit" class={`small${danger ? ' danger' : ''}`} data-confirm={confirm}>
      {label}
    </button>
  </form>
);

/** The author's and staff's controls, and the links everyone gets (a quiz's leaderboard). */
export const PollManage: FC<{ vc: ViewContext; view: PollView; threadId: number; manager: boolean; closed: boolean }> = ({ vc, view, threadId, manager, closed }) => {
  const { poll } = view;
  const target = pollDomId(poll.id);
  if (!manager && poll.kind !== 'quiz') return null;
  return (
    <div class="polls-manage">
      {poll.kind === 'quiz' ? <a href={paths.leaderboard(threadId, poll.id)}>{vc.t('polls.leaderboard.link')}</a> : null}
      {manager ? (
        <>
          {closed ? (
            <BlockAction vc={vc} action={paths.reopen(threadId, poll.id)} target={target} label={vc.t('polls.manage.reopen')} />
          ) : (
            <BlockAction vc={vc} action={paths.close(threadId, poll.id)} target={target} label={vc.t('polls.manage.close')} confirm={vc.t('polls.manage.closeConfirm')} />
          )}
          <a href={paths.edit(threadId, poll.id)}>{vc.t('polls.manage.edit')}</a>
          <a href={paths.results(threadId, poll.id)}>{vc.t('polls.manage.results')}</a>
          <a href={paths.csv(threadId, poll.id)} download>
            {vc.t('polls.manage.export')}
          </a>
          <BlockAction vc={vc} action={paths.remove(threadId, poll.id)} target={target} label={vc.t('polls.manage.delete')} confirm={vc.t('polls.manage.deleteConfirm')} danger />
        </>
      ) : null}
    </div>
  );
};
