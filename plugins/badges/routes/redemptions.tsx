import { renderPage } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { redemptionStatuses, type RedemptionStatus } from '../schema.ts';
import { redemptionList } from '../service/queries.ts';
import { cancel, fulfil } from '../service/redeem.ts';
import type { BadgesApi } from '../settings.ts';
import { RedemptionsPage } from '../views/redemptions-page.tsx';
import { cursorParam, idParam, staffMember, vcOf, type BadgesContext } from './context.ts';

const notices: Record<string, { key: string; error?: boolean }> = {
  fulfilled: { key: 'badges.redemptions.fulfilled' },
  cancelled: { key: 'badges.redemptions.cancelled' },
  stale: { key: 'badges.redemptions.stale', error: true },
};

/** GET /redemptions — staff (admins and moderators). */
export function redemptionsRoute(api: BadgesApi) {
  return async function badgesRedemptions(c: BadgesContext) {
    staffMember(c);
    const asked = c.req.query('status') ?? 'pending';
    const status: RedemptionStatus = (redemptionStatuses as readonly string[]).includes(asked) ? (asked as RedemptionStatus) : 'pending';
    const before = cursorParam(c);
    const { rows, next } = await redemptionList(api.db, { status, before });
    const vc = vcOf(c);
    return renderPage(
      c,
      { title: vc.t('badges.redemptions.heading') },
      <RedemptionsPage vc={vc} status={status} rows={rows} next={next} notice={notices[c.req.query('notice') ?? ''] ?? null} />,
    );
  };
}

/** POST /redemptions/:id/fulfil and /cancel — a pending redemption only; a second click finds it handled. */
export function handleRedemptionRoute(api: BadgesApi, action: 'fulfil' | 'cancel') {
  return async function badgesHandleRedemption(c: BadgesContext) {
    const staff = staffMember(c);
    const id = idParam(c, 'redemptionId');
    const row = action === 'fulfil' ? await fulfil(api, id, staff.id) : await cancel(api, id, staff.id);
    const notice = row ? (action === 'fulfil' ? 'fulfilled' : 'cancelled') : 'stale';
    return c.redirect(`${paths.redemptions}?notice=${notice}`, 303);
  };
}
