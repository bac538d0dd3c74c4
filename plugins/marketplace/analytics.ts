import type { AnalyticsRange } from '../../core/plugins/api.ts';
import { listingsPerDay, listingStats } from './service/stats.ts';
import type { MarketplaceApi } from './settings.ts';

/** The marketplace panel on /admin/analytics: listings created in the chosen period and what became of them. */
export function registerAnalytics(api: MarketplaceApi): void {
  const stats = (range: AnalyticsRange) => listingStats(api.db, { start: range.start, end: range.end, categoryId: range.categoryId });
  api.analytics.metric({
    key: 'listings',
    labelKey: 'marketplace.analytics.listings',
    format: 'number',
    total: async (range) => (await stats(range)).listings,
    daily: (range) => listingsPerDay(api.db, range),
  });
  api.analytics.metric({ key: 'sold', labelKey: 'marketplace.analytics.sold', format: 'number', total: async (range) => (await stats(range)).sold });
  api.analytics.metric({
    key: 'soldRate',
    labelKey: 'marketplace.analytics.soldRate',
    format: 'percent',
    total: async (range) => {
      const { listings, sold } = await stats(range);
      return listings === 0 ? null : sold / listings;
    },
  });
  api.analytics.metric({ key: 'activeAtEnd', labelKey: 'marketplace.analytics.activeAtEnd', format: 'number', total: async (range) => (await stats(range)).activeAtEnd });
  api.analytics.panel({
    key: 'listings',
    titleKey: 'marketplace.analytics.title',
    descriptionKey: 'marketplace.analytics.description',
    metrics: ['listings', 'sold', 'soldRate', 'activeAtEnd'],
    categoryFilter: true,
  });
}
