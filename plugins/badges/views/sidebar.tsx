import type { FC } from 'hono/jsx';
import { canAct, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { checkinState } from '../service/member-state.ts';
import type { BadgesApi } from '../settings.ts';
import { CheckinCard } from './checkin-card.tsx';

/** sidebar: the check-in card for members; a leaderboard link for guests. */
export function sidebarCheckin(api: BadgesApi): FC<{ vc: ViewContext }> {
  return async function BadgesSidebar({ vc }) {
    if (!vc.user || !canAct(vc.user)) {
      return (
        <section class="card badges-checkin">
          <h2>{vc.t('badges.nav.leaderboard')}</h2>
          <p>
            <a href={paths.leaderboard()}>{vc.t('badges.sidebar.guest')}</a>
          </p>
        </section>
      );
    }
    const state = await checkinState(api.db, vc.user.id, new Date(), vc.site.timeZone);
    return <CheckinCard vc={vc} state={state} />;
  };
}
