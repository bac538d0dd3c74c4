import { loadPolls } from '../service/load-polls.ts';
import { BallotError, parseBallot } from '../input/ballot.ts';
import { paths } from '../paths.ts';
import { vote } from '../service/vote.ts';
import type { PollsApi } from '../settings.ts';
import { findPoll, formInput, isHtmx, redirectAfterPost, scopedThread, type PollsContext } from './context.ts';
import { respondWithPoll } from './show.tsx';

/**
 * POST /t/:threadId/p/:pollId/vote — a vote, a changed vote, or a survey/quiz answer sheet. With htmx
 * the answer is the updated block (refusals inline, 409 closed / 422 invalid); without, a redirect.
 */
export function votePoll(api: PollsApi) {
  return async function pollsVote(c: PollsContext) {
    const thread = scopedThread(c);
    const view = await findPoll(api, c);
    const form = await formInput(c);
    try {
      const answers = parseBallot(view, form);
      const { changed } = await vote(api, view, answers, { user: c.get('user'), categoryId: thread.categoryId, threadLocked: thread.locked });
      if (!isHtmx(c)) return redirectAfterPost(c, paths.pollAnchor(thread.id, view.poll.id));
      const [fresh] = await loadPolls(api.db, { threadId: thread.id, pollId: view.poll.id, viewerId: c.get('user')?.id ?? null });
      return respondWithPoll(c, fresh ?? view, { notice: changed ? 'polls.notice.changed' : `polls.notice.${view.poll.kind}` });
    } catch (error) {
      if (error instanceof BallotError) return respondWithPoll(c, view, { problems: error.problems, status: error.status });
      throw error;
    }
  };
}
