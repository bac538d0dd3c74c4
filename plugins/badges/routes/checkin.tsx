import { renderPage } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { checkIn } from '../service/checkin.ts';
import { checkinState } from '../service/member-state.ts';
import type { BadgesApi } from '../settings.ts';
import { CheckinCard } from '../views/checkin-card.tsx';
import { actingMember, forumZone, isHtmx, vcOf, type BadgesContext } from './context.ts';

/** POST /checkin — with htmx the refreshed sidebar card, without a redirect to the member's points page. */
export function checkinRoute(api: BadgesApi) {
  return async function badgesCheckin(c: BadgesContext) {
    const user = actingMember(c);
    const now = new Date();
    const zone = forumZone(c);
    const result = await checkIn(api, user.id, now, zone);
    if (!isHtmx(c)) return c.redirect(`${paths.me}?checkin=${result.status}`, 303);
    const state = await checkinState(api.db, user.id, now, zone);
    if (result.status === 'checked-in') state.earned = { points: result.points, bonus: result.bonus };
    const vc = vcOf(c);
    return c.html(<CheckinCard vc={vc} state={state} />);
  };
}

/** GET /checkin — the card on its own page (no-JS fallback and direct links). */
export function checkinPage(api: BadgesApi) {
  return async function badgesCheckinPage(c: BadgesContext) {
    const user = actingMember(c);
    const vc = vcOf(c);
    const state = await checkinState(api.db, user.id, new Date(), forumZone(c));
    return renderPage(c, { title: vc.t('badges.checkin.heading') }, <CheckinCard vc={vc} state={state} />);
  };
}
