import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { periods, type BoardRow, type Period } from '../service/leaderboard.ts';
import { MemberLink, plural } from './bits.tsx';

const Board: FC<{ vc: ViewContext; rows: BoardRow[]; unit: string; id: string }> = ({ vc, rows, unit, id }) =>
  rows.length ? (
    <ol class="badges-board" id={id}>
      {rows.map((r) => (
        <li>
          <MemberLink username={r.username} displayName={r.displayName} /> <span class="muted">{plural(vc, unit, r.value)}</span>
        </li>
      ))}
    </ol>
  ) : (
    <p class="empty">{vc.t('badges.board.empty')}</p>
  );

/** 荣誉榜: points this week / month / all time, top answerers, longest check-in streaks. */
export const LeaderboardPage: FC<{ vc: ViewContext; period: Period; points: BoardRow[]; answerers: BoardRow[]; streaks: BoardRow[] }> = ({ vc, period, points, answerers, streaks }) => {
  const { t } = vc;
  return (
    <section class="badges-leaderboard stack">
      <h1>{t('badges.board.heading')}</h1>
      <nav class="tabs" aria-label={t('badges.board.periods')}>
        {periods.map((p) => (
          <a href={paths.leaderboard(p)} aria-current={p === period ? 'page' : undefined}>
            {t(`badges.board.period.${p}`)}
          </a>
        ))}
      </nav>
      <h2>{t(`badges.board.points.${period}`)}</h2>
      <Board vc={vc} rows={points} unit="badges.points" id="badges-board-points" />
      <div class="badges-boards">
        <section>
          <h2>{t('badges.board.answerers')}</h2>
          <Board vc={vc} rows={answerers} unit="badges.board.answers" id="badges-board-answerers" />
        </section>
        <section>
          <h2>{t('badges.board.streaks')}</h2>
          <Board vc={vc} rows={streaks} unit="badges.days" id="badges-board-streaks" />
        </section>
      </div>
    </section>
  );
};
