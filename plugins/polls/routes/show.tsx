import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPartOrPage } from '../../../core/plugins/api.ts';
import type { BallotProblems } from '../input/ballot.ts';
import { paths } from '../paths.ts';
import type { GiveawayView } from '../service/load-giveaways.ts';
import type { PollView } from '../service/load-polls.ts';
import type { PollsApi } from '../settings.ts';
import { GiveawayBlock } from '../views/giveaway-block.tsx';
import { PollBlock } from '../views/poll-block.tsx';
import { findGiveaway, findPoll, scopedThread, vcOf, type PollsContext } from './context.ts';

/** A poll block: the fragment htmx swaps in, or a page of its own without JavaScript. */
export function respondWithPoll(c: PollsContext, view: PollView, options: { problems?: BallotProblems; notice?: string; status?: ContentfulStatusCode } = {}) {
  const thread = scopedThread(c);
  const vc = vcOf(c);
  return renderPartOrPage(
    c,
    { title: view.poll.title, status: options.status },
    <>
      {vc.isHtmx ? null : (
        <p>
          <a href={paths.pollAnchor(thread.id, view.poll.id)}>{vc.t('polls.backToThread', { title: thread.title })}</a>
        </p>
      )}
      <PollBlock vc={vc} view={view} thread={thread} problems={options.problems} notice={options.notice} />
    </>,
  );
}

export function respondWithGiveaway(c: PollsContext, view: GiveawayView, options: { problem?: string; status?: ContentfulStatusCode } = {}) {
  const thread = scopedThread(c);
  const vc = vcOf(c);
  return renderPartOrPage(
    c,
    { title: view.giveaway.title, status: options.status },
    <>
      {vc.isHtmx ? null : (
        <p>
          <a href={paths.giveawayAnchor(thread.id, view.giveaway.id)}>{vc.t('polls.backToThread', { title: thread.title })}</a>
        </p>
      )}
      <GiveawayBlock vc={vc} view={view} threadId={thread.id} problem={options.problem} />
    </>,
  );
}

/** GET /t/:threadId/p/:pollId */
export function showPoll(api: PollsApi) {
  return async function pollsShow(c: PollsContext) {
    return respondWithPoll(c, await findPoll(api, c));
  };
}

/** GET /t/:threadId/g/:giveawayId */
export function showGiveaway(api: PollsApi) {
  return async function pollsShowGiveaway(c: PollsContext) {
    return respondWithGiveaway(c, await findGiveaway(api, c));
  };
}
