import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import type { VoterName } from '../service/load-polls.ts';
import { percentOf, plural, widthClass } from './plural.ts';

/** One option's result, drawn on the server: a bar (width class) with the count and percentage as text. */
export const ResultBar: FC<{ vc: ViewContext; count: number; total: number }> = ({ vc, count, total }) => {
  const percent = percentOf(count, total);
  return (
    <div class="polls-result">
      <span class="polls-bar" aria-hidden="true">
        <span class={`polls-fill ${widthClass(percent)}`}></span>
      </span>
      <span class="polls-count">{plural(vc, 'polls.votes', count, { percent })}</span>
    </div>
  );
};

/** Who chose an option, in public polls only (callers never pass voters of anonymous polls). */
export const VoterList: FC<{ vc: ViewContext; voters: VoterName[]; count: number }> = ({ vc, voters, count }) =>
  voters.length ? (
    <p class="polls-voters small muted">
      {vc.t('polls.votedBy')}{' '}
      {voters.map((v, i) => (
        <>
          {i > 0 ? vc.t('polls.listSeparator') : ''}
          <a href={`/u/${encodeURIComponent(v.username)}`}>{v.displayName}</a>
        </>
      ))}
      {count > voters.length ? ` ${vc.t('polls.andMore', { count: vc.tr.number(count - voters.length) })}` : ''}
    </p>
  ) : null;
