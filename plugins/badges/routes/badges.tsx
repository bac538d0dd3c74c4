import { eq } from 'drizzle-orm';
import { renderPage, UserError } from '../../../core/plugins/api.ts';
import { badgesBadges } from '../schema.ts';
import { allBadges, badgeHolders } from '../service/queries.ts';
import type { BadgesApi } from '../settings.ts';
import { BadgePage, BadgesPage } from '../views/badges-page.tsx';
import { badgeName } from '../views/bits.tsx';
import { cursorParam, idParam, vcOf, type BadgesContext } from './context.ts';

/** GET /badges — public. */
export function badgesRoute(api: BadgesApi) {
  return async function badgesList(c: BadgesContext) {
    const vc = vcOf(c);
    return renderPage(c, { title: vc.t('badges.list.heading') }, <BadgesPage vc={vc} rows={await allBadges(api.db)} />);
  };
}

/** GET /badges/:badgeId — a badge and its holders. */
export function badgeRoute(api: BadgesApi) {
  return async function badgesBadge(c: BadgesContext) {
    const [badge] = await api.db.select().from(badgesBadges).where(eq(badgesBadges.id, idParam(c, 'badgeId')));
    if (!badge || !badge.enabled) throw new UserError(404, 'error.404.body');
    const before = cursorParam(c);
    const { holders, next } = await badgeHolders(api.db, badge.id, before);
    const vc = vcOf(c);
    return renderPage(c, { title: badgeName(vc, badge) }, <BadgePage vc={vc} badge={badge} holders={holders} next={next} />);
  };
}
