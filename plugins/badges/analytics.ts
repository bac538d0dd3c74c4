import type { AnalyticsRange } from '../../core/plugins/api.ts';
import { checkinsPerDay, checkinStats, streakDistribution, type StreakDistribution } from './service/checkin-stats.ts';
import type { BadgesApi } from './settings.ts';

const buckets: { key: string; pick: keyof StreakDistribution }[] = [
  { key: 'streak1', pick: 'one' },
  { key: 'streak2to6', pick: 'twoToSix' },
  { key: 'streak7to29', pick: 'sevenToTwentyNine' },
  { key: 'streak30plus', pick: 'thirtyPlus' },
];

/** The check-in panel on /admin/analytics: check-ins on the days of the chosen period, forum-wide. */
export function registerAnalytics(api: BadgesApi): void {
  const stats = (range: AnalyticsRange) => checkinStats(api.db, range);
  api.analytics.metric({
    key: 'checkins',
    labelKey: 'badges.analytics.checkins',
    format: 'number',
    total: async (range) => (await stats(range)).checkins,
    daily: (range) => checkinsPerDay(api.db, range),
  });
  api.analytics.metric({
    key: 'checkinsPerDay',
    labelKey: 'badges.analytics.checkinsPerDay',
    format: 'number',
    total: async (range) => (range.days.length === 0 ? null : Math.round(((await stats(range)).checkins / range.days.length) * 100) / 100),
  });
  api.analytics.metric({ key: 'members', labelKey: 'badges.analytics.members', format: 'number', total: async (range) => (await stats(range)).members });
  for (const bucket of buckets) {
    api.analytics.metric({
      key: bucket.key,
      labelKey: `badges.analytics.${bucket.key}`,
      format: 'number',
      total: async (range) => (await streakDistribution(api.db, range))[bucket.pick],
    });
  }
  api.analytics.panel({
    key: 'checkins',
    titleKey: 'badges.analytics.title',
    descriptionKey: 'badges.analytics.description',
    metrics: ['checkins', 'checkinsPerDay', 'members', ...buckets.map((b) => b.key)],
  });
}
