import { renderPage, UserError } from '../../../core/plugins/api.ts';
import { leaderboard } from '../service/leaderboard.ts';
import type { PollsApi } from '../settings.ts';
import { LeaderboardPage } from '../views/leaderboard-page.tsx';
import { findPoll, scopedThread, vcOf, type PollsContext } from './context.ts';

/** GET /t/:threadId/p/:pollId/leaderboard — quizzes only; whoever can read the thread. */
export function leaderboardRoute(api: PollsApi) {
  return async function pollsLeaderboard(c: PollsContext) {
    const view = await findPoll(api, c);
    if (view.poll.kind !== 'quiz') throw new UserError(404, 'error.404.body');
    const rows = await leaderboard(api.db, view.poll.id);
    const vc = vcOf(c);
    return renderPage(
      c,
      { title: vc.t('polls.leaderboard.heading', { title: view.poll.title }) },
      <LeaderboardPage vc={vc} thread={scopedThread(c)} poll={view.poll} total={view.questions.length} rows={rows} />,
    );
  };
}
