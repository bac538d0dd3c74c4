import { paths } from '../paths.ts';
import { closePoll } from '../service/close-poll.ts';
import { loadPolls } from '../service/load-polls.ts';
import { reopenPoll } from '../service/reopen-poll.ts';
import type { PollsApi } from '../settings.ts';
import { findPoll, isHtmx, redirectAfterPost, requireManager, scopedThread, type PollsContext } from './context.ts';
import { respondWithPoll } from './show.tsx';

async function answer(api: PollsApi, c: PollsContext, pollId: number, notice: string) {
  const thread = scopedThread(c);
  if (!isHtmx(c)) return redirectAfterPost(c, paths.pollAnchor(thread.id, pollId));
  const [view] = await loadPolls(api.db, { threadId: thread.id, pollId, viewerId: c.get('user')?.id ?? null });
  return respondWithPoll(c, view!, { notice });
}

/** POST /t/:threadId/p/:pollId/close */
export function closePollRoute(api: PollsApi) {
  return async function pollsClose(c: PollsContext) {
    const view = await findPoll(api, c);
    requireManager(c, view.poll);
    await closePoll(api, view.poll, c.get('user')!, scopedThread(c).categoryId);
    return answer(api, c, view.poll.id, 'polls.notice.closed');
  };
}

/** POST /t/:threadId/p/:pollId/reopen */
export function reopenPollRoute(api: PollsApi) {
  return async function pollsReopen(c: PollsContext) {
    const view = await findPoll(api, c);
    requireManager(c, view.poll);
    await reopenPoll(api, view.poll);
    return answer(api, c, view.poll.id, 'polls.notice.reopened');
  };
}
