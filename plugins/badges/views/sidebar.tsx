import type { FC } from 'hono/jsx';
import { canAct, type SlotPreload, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { checkinState } from '../service/member-state.ts';
import type { BadgesApi } from '../settings.ts';
import { CheckinCard, type CheckinState } from './checkin-card.tsx';

/**
 * sidebar: the check-in card for members; a leaderboard link for guests. The member's state is preloaded
 * with the page's own reads (keyed by its view context), so the card renders without waiting.
 */
export function sidebarCheckin(api: BadgesApi): { render: FC<{ vc: ViewContext }>; preload: SlotPreload<'sidebar'> } {
  const preloaded = new WeakMap<ViewContext, CheckinState>();
  const load = (vc: ViewContext, userId: number) => checkinState(api.db, userId, new Date(), vc.site.timeZone);
  return {
    async preload({ vc }) {
      if (vc.user && canAct(vc.user)) preloaded.set(vc, await load(vc, vc.user.id));
    },
    render: function BadgesSidebar({ vc }) {
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
      const known = preloaded.get(vc);
      if (known) return <CheckinCard vc={vc} state={known} />;
      return load(vc, vc.user.id).then((state) => <CheckinCard vc={vc} state={state} />);
    },
  };
}
