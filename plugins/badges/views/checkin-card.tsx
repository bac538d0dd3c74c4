import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { MemberFlair } from '../service/member-info.ts';
import { Csrf, LevelLabel, plural } from './bits.tsx';

export interface CheckinState {
  checkedInToday: boolean;
  streak: number;
  longestStreak: number;
  flair: MemberFlair | undefined;
  /** After a check-in: points earned and any streak bonus. */
  earned?: { points: number; bonus: number } | null;
}

export const CHECKIN_CARD_ID = 'badges-checkin';

/** The sidebar card: streak, balance and level, and the check-in button (htmx swaps the card). */
export const CheckinCard: FC<{ vc: ViewContext; state: CheckinState }> = ({ vc, state }) => {
  const { t } = vc;
  return (
    <section class="card badges-checkin" id={CHECKIN_CARD_ID} aria-live="polite">
      <h2>{t('badges.checkin.heading')}</h2>
      {state.earned ? (
        <p class="flash success" role="status">
          {state.earned.bonus > 0
            ? t('badges.checkin.doneBonus', { points: state.earned.points, bonus: state.earned.bonus, streak: state.streak })
            : t('badges.checkin.done', { points: state.earned.points })}
        </p>
      ) : null}
      <dl class="badges-stats">
        <div>
          <dt>{t('badges.stat.points')}</dt>
          <dd data-badges-balance>{vc.tr.number(state.flair?.balance ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('badges.stat.level')}</dt>
          <dd data-badges-level>{state.flair ? <LevelLabel vc={vc} level={state.flair.level} /> : null}</dd>
        </div>
        <div>
          <dt>{t('badges.stat.streak')}</dt>
          <dd data-badges-streak>{plural(vc, 'badges.days', state.streak)}</dd>
        </div>
      </dl>
      {state.checkedInToday ? (
        <p class="muted">{t('badges.checkin.already')}</p>
      ) : (
        <form method="post" action={paths.checkin} hx-post={paths.checkin} hx-target={`#${CHECKIN_CARD_ID}`} hx-swap="outerHTML">
          <Csrf vc={vc} />
          <button type="submit" class="primary">
            {t('badges.checkin.button')}
          </button>
        </form>
      )}
      <p class="small">
        <a href={paths.me}>{t('badges.nav.me')}</a> · <a href={paths.leaderboard()}>{t('badges.nav.leaderboard')}</a> · <a href={paths.rewards}>{t('badges.nav.rewards')}</a>
      </p>
    </section>
  );
};
