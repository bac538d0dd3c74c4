import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePlugin } from '../../core/plugins/api.ts';
import { badgesAdmin } from './admin/badges.tsx';
import { registerAnalytics } from './analytics.ts';
import { levelsAdmin } from './admin/levels.tsx';
import { pointsAdmin } from './admin/points.tsx';
import { rewardsAdmin } from './admin/rewards.tsx';
import { registerEarning } from './hooks/earn.ts';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import { badgeRoute, badgesRoute } from './routes/badges.tsx';
import { checkinPage, checkinRoute } from './routes/checkin.tsx';
import { leaderboardRoute } from './routes/leaderboard.tsx';
import { featuredRoute, meRoute } from './routes/me.tsx';
import { handleRedemptionRoute, redemptionsRoute } from './routes/redemptions.tsx';
import { redeemRoute, rewardsRoute } from './routes/rewards.tsx';
import { badgesBadges, badgesCheckins, badgesGrants, badgesLedger, badgesLevels, badgesMembers, badgesRedemptions, badgesRewards } from './schema.ts';
import { ANNIVERSARY_JOB, grantAnniversaries } from './service/anniversary.ts';
import { seedBuiltinBadges } from './service/award.ts';
import { seedLevels } from './service/levels.ts';
import { badgesSettings } from './settings.ts';
import { bylineFlair } from './views/byline.tsx';
import { profileSummary } from './views/profile-summary.tsx';
import { sidebarCheckin } from './views/sidebar.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Points, levels, badges, daily check-in, leaderboard and rewards (积分、等级、勋章、签到、荣誉榜、积分兑换), forum-wide. */
export default definePlugin({
  id: 'badges',
  version: '1.0.0',
  // api.transaction and notify(…, { tx }) came with 1.1.0, slot preloads with 1.2.0, sharedReads with 1.3.0
  coreApi: '^1.4.0',
  scope: 'global',
  settings: badgesSettings,
  tables: { badgesLedger, badgesMembers, badgesCheckins, badgesBadges, badgesGrants, badgesLevels, badgesRewards, badgesRedemptions },
  migrations: path.join(here, 'migrations'),
  locales: { en, 'zh-CN': zhCN },
  assets: { 'badges.css': path.join(here, 'assets', 'badges.css') },
  async setup(api) {
    await seedBuiltinBadges(api.db);
    await seedLevels(api.db);

    // UI
    api.slot('head', 'badges.css', () => <link rel="stylesheet" href={api.assetUrl('badges.css')} />, { shared: true });
    const byline = bylineFlair(api);
    api.slot('post.byline', 'badges.flair', byline.render, { preload: byline.preload, shared: true });
    const checkin = sidebarCheckin(api);
    api.slot('sidebar', 'badges.checkin', checkin.render, { preload: checkin.preload });
    api.slot('profile.summary', 'badges.profile', profileSummary(api));

    // earning: core hooks and other plugins' hooks (qa, events, polls, invites)
    registerEarning(api);

    // member pages
    api.routes.get('/me', meRoute(api));
    api.routes.post('/featured', featuredRoute(api));
    api.routes.get('/checkin', checkinPage(api));
    api.routes.post('/checkin', checkinRoute(api));
    api.routes.get('/leaderboard', leaderboardRoute(api));
    api.routes.get('/badges', badgesRoute(api));
    api.routes.get('/badges/:badgeId', badgeRoute(api));
    api.routes.get('/rewards', rewardsRoute(api));
    api.routes.post('/rewards/:rewardId/redeem', redeemRoute(api));

    // staff: redemptions to hand over
    api.routes.get('/redemptions', redemptionsRoute(api));
    api.routes.post('/redemptions/:redemptionId/fulfil', handleRedemptionRoute(api, 'fulfil'));
    api.routes.post('/redemptions/:redemptionId/cancel', handleRedemptionRoute(api, 'cancel'));

    // admins (the earning rules themselves are the plugin's settings on /admin/plugins)
    api.adminPage({ path: 'levels', titleKey: 'badges.admin.levels', handler: levelsAdmin(api) });
    api.adminPage({ path: 'badges', titleKey: 'badges.admin.badges', handler: badgesAdmin(api) });
    api.adminPage({ path: 'rewards', titleKey: 'badges.admin.rewards', handler: rewardsAdmin(api) });
    api.adminPage({ path: 'points', titleKey: 'badges.admin.points', handler: pointsAdmin(api) });

    api.job(ANNIVERSARY_JOB, () => grantAnniversaries(api).then(() => undefined), { cron: '20 3 * * *' });
    api.notificationType('levelUp', { messageKey: 'badges.notification.levelUp' });
    api.notificationType('badgeGranted', { messageKey: 'badges.notification.badgeGranted' });
    api.notificationType('redemptionFulfilled', { messageKey: 'badges.notification.redemptionFulfilled' });

    // the check-in panel on /admin/analytics
    registerAnalytics(api);
  },
});
