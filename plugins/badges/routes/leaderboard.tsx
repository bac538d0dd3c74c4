import { renderPage } from '../../../core/plugins/api.ts';
import { localDay } from '../service/days.ts';
import { answerersBoard, periods, pointsBoard, streaksBoard, type Period } from '../service/leaderboard.ts';
import type { BadgesApi } from '../settings.ts';
import { LeaderboardPage } from '../views/leaderboard-page.tsx';
import { forumZone, vcOf, type BadgesContext } from './context.ts';

/** GET /leaderboard?period=week|month|all — public. */
export function leaderboardRoute(api: BadgesApi) {
  return async function badgesLeaderboard(c: BadgesContext) {
    const asked = c.req.query('period');
    const period: Period = (periods as readonly string[]).includes(asked ?? '') ? (asked as Period) : 'week';
    const today = localDay(new Date(), forumZone(c));
    const [points, answerers, streaks] = await Promise.all([pointsBoard(api.db, period, today), answerersBoard(api.db), streaksBoard(api.db)]);
    const vc = vcOf(c);
    return renderPage(c, { title: vc.t('badges.board.heading') }, <LeaderboardPage vc={vc} period={period} points={points} answerers={answerers} streaks={streaks} />);
  };
}
