import { paths } from '../paths.ts';
import { deleteGiveaway, deletePoll } from '../service/delete-poll.ts';
import type { PollsApi } from '../settings.ts';
import { findGiveaway, findPoll, isHtmx, redirectAfterPost, requireManager, scopedThread, type PollsContext } from './context.ts';

/** POST /t/:threadId/p/:pollId/delete — htmx swaps the block for nothing. */
export function deletePollRoute(api: PollsApi) {
  return async function pollsDelete(c: PollsContext) {
    const view = await findPoll(api, c);
    requireManager(c, view.poll);
    await deletePoll(api, view.poll.id);
    return isHtmx(c) ? c.html('') : redirectAfterPost(c, paths.thread(scopedThread(c).id));
  };
}

/** POST /t/:threadId/g/:giveawayId/delete — only before the draw: a drawn giveaway is a record. */
export function deleteGiveawayRoute(api: PollsApi) {
  return async function pollsDeleteGiveaway(c: PollsContext) {
    const view = await findGiveaway(api, c);
    requireManager(c, view.giveaway);
    if (!view.draw) await deleteGiveaway(api, view.giveaway.id);
    return isHtmx(c) && !view.draw ? c.html('') : redirectAfterPost(c, paths.thread(scopedThread(c).id));
  };
}
