import type { FC } from 'hono/jsx';
import type { ScopedThread, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { Poll } from '../schema.ts';

export interface LeaderboardRow {
  username: string;
  displayName: string;
  score: number | null;
  submittedAt: Date;
}

/** A quiz's ranking: most right answers first, ties to the earliest submission. */
export const LeaderboardPage: FC<{ vc: ViewContext; thread: ScopedThread; poll: Poll; total: number; rows: LeaderboardRow[] }> = ({ vc, thread, poll, total, rows }) => (
  <section class="polls-leaderboard stack">
    <p>
      <a href={paths.pollAnchor(thread.id, poll.id)}>{vc.t('polls.backToThread', { title: thread.title })}</a>
    </p>
    <h1>{vc.t('polls.leaderboard.heading', { title: poll.title })}</h1>
    <p class="help">{vc.t('polls.leaderboard.help')}</p>
    {rows.length ? (
      <table class="polls-table">
        <thead>
          <tr>
            <th scope="col">{vc.t('polls.leaderboard.rank')}</th>
            <th scope="col">{vc.t('polls.leaderboard.member')}</th>
            <th scope="col">{vc.t('polls.leaderboard.score')}</th>
            <th scope="col">{vc.t('polls.leaderboard.submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr>
              <td>{vc.tr.number(i + 1)}</td>
              <td>
                <a href={`/u/${encodeURIComponent(row.username)}`}>{row.displayName}</a>
              </td>
              <td>{vc.t('polls.leaderboard.points', { score: row.score ?? 0, total })}</td>
              <td>
                <time datetime={row.submittedAt.toISOString()}>{vc.tr.date(row.submittedAt, 'long')}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="empty">{vc.t('polls.leaderboard.empty')}</p>
    )}
  </section>
);
