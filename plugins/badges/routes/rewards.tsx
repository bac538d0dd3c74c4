import { z } from 'zod';
import { renderPartOrPage } from '../../../core/plugins/api.ts';
import { loadFlair } from '../service/member-info.ts';
import { rewards } from '../service/queries.ts';
import { redeem } from '../service/redeem.ts';
import type { BadgesApi } from '../settings.ts';
import { RewardsPage } from '../views/rewards-page.tsx';
import { actingMember, formFields, idParam, vcOf, type BadgesContext } from './context.ts';

type Notice = { key: string; params?: Record<string, string | number>; error?: boolean } | null;

async function page(api: BadgesApi, c: BadgesContext, notice: Notice, status: 200 | 409 | 422 | 404 = 200) {
  const user = c.get('user');
  const [list, flair] = await Promise.all([rewards(api.db, true), user ? loadFlair(api.db, [user.id]) : Promise.resolve(null)]);
  const vc = vcOf(c);
  const body = <RewardsPage vc={vc} rewards={list} balance={user ? (flair?.get(user.id)?.balance ?? 0) : null} notice={notice} />;
  return renderPartOrPage(c, { title: vc.t('badges.rewards.heading'), status }, body);
}

/** GET /rewards — the catalogue; members see their balance and can redeem. */
export function rewardsRoute(api: BadgesApi) {
  return async function badgesRewards(c: BadgesContext) {
    return page(api, c, null);
  };
}

const noteSchema = z.string().trim().max(500);

const refusals = {
  'not-found': { key: 'badges.rewards.notFound', status: 404 },
  'out-of-stock': { key: 'badges.rewards.soldOutError', status: 409 },
  insufficient: { key: 'badges.rewards.insufficient', status: 409 },
  'already-owned': { key: 'badges.rewards.owned', status: 409 },
} as const;

/** POST /rewards/:rewardId/redeem */
export function redeemRoute(api: BadgesApi) {
  return async function badgesRedeem(c: BadgesContext) {
    const user = actingMember(c);
    const note = noteSchema.safeParse((await formFields(c)).note ?? '');
    if (!note.success) return page(api, c, { key: 'badges.rewards.noteTooLong', error: true }, 422);
    const outcome = await redeem(api, user.id, idParam(c, 'rewardId'), note.data);
    if (!outcome.ok) {
      const refusal = refusals[outcome.reason];
      return page(api, c, { key: refusal.key, error: true }, refusal.status);
    }
    const done = { key: outcome.reward.kind === 'gift' || outcome.reward.kind === 'event_seat' ? 'badges.rewards.donePending' : 'badges.rewards.done', params: { name: outcome.reward.name } };
    return page(api, c, done);
  };
}
