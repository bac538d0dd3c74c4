import { UserError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { drawGiveaway } from '../service/draw.ts';
import { loadGiveaways } from '../service/load-giveaways.ts';
import type { PollsApi } from '../settings.ts';
import { findGiveaway, isHtmx, redirectAfterPost, requireManager, scopedThread, type PollsContext } from './context.ts';
import { respondWithGiveaway } from './show.tsx';

/** POST /t/:threadId/g/:giveawayId/draw — the author or staff draw now; a second draw shows the first. */
export function drawRoute(api: PollsApi) {
  return async function pollsDraw(c: PollsContext) {
    const thread = scopedThread(c);
    const view = await findGiveaway(api, c);
    requireManager(c, view.giveaway);
    try {
      await drawGiveaway(api, view.giveaway, c.get('user'), { refuseEmpty: true });
    } catch (error) {
      if (error instanceof UserError && error.status === 409) return respondWithGiveaway(c, view, { problem: error.messageKey, status: 409 });
      throw error;
    }
    if (!isHtmx(c)) return redirectAfterPost(c, paths.giveawayAnchor(thread.id, view.giveaway.id));
    const [fresh] = await loadGiveaways(api.db, { threadId: thread.id, giveawayId: view.giveaway.id });
    return respondWithGiveaway(c, fresh!);
  };
}
