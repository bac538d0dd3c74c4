import { renderPage } from '../../../core/plugins/api.ts';
import { canonicalList, hashList, pickWinners } from '../service/draw-algorithm.ts';
import type { PollsApi } from '../settings.ts';
import { VerifyPage } from '../views/verify-page.tsx';
import { findGiveaway, scopedThread, vcOf, type PollsContext } from './context.ts';

/** GET /t/:threadId/g/:giveawayId/verify — public to whoever can read the thread. */
export function verifyRoute(api: PollsApi) {
  return async function pollsVerify(c: PollsContext) {
    const view = await findGiveaway(api, c);
    const { draw } = view;
    // the page recomputes the draw from what it publishes, so a tampered record shows as a mismatch
    const recheck = draw
      ? {
          hashMatches: hashList(canonicalList(draw.eligibleIds)) === draw.listHash,
          winnersMatch: pickWinners(draw.seed, canonicalList(draw.eligibleIds), view.giveaway.winnerCount).join(',') === draw.winnerIds.join(','),
        }
      : null;
    const vc = vcOf(c);
    return renderPage(c, { title: vc.t('polls.verify.heading', { title: view.giveaway.title }) }, <VerifyPage vc={vc} thread={scopedThread(c)} view={view} recheck={recheck} />);
  };
}
