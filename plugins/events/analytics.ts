import type { AnalyticsRange } from '../../core/plugins/api.ts';
import { participationStats } from './service/stats.ts';
import type { EventsApi } from './settings.ts';

/** The participation panel on /admin/analytics: figures for events starting in the chosen period. */
export function registerAnalytics(api: EventsApi): void {
  const stats = (range: AnalyticsRange) => participationStats(api.db, { start: range.start, end: range.end, categoryId: range.categoryId });
  api.analytics.metric({ key: 'rsvps', labelKey: 'events.analytics.rsvps', format: 'number', total: async (range) => (await stats(range)).rsvps });
  api.analytics.metric({ key: 'attended', labelKey: 'events.analytics.attended', format: 'number', total: async (range) => (await stats(range)).attended });
  api.analytics.metric({ key: 'noShows', labelKey: 'events.analytics.noShows', format: 'number', total: async (range) => (await stats(range)).noShows });
  api.analytics.metric({
    key: 'attendanceRate',
    labelKey: 'events.analytics.attendanceRate',
    format: 'percent',
    total: async (range) => {
      const { attended, noShows } = await stats(range);
      return attended + noShows === 0 ? null : attended / (attended + noShows);
    },
  });
  api.analytics.panel({
    key: 'participation',
    titleKey: 'events.analytics.title',
    descriptionKey: 'events.analytics.description',
    metrics: ['rsvps', 'attended', 'noShows', 'attendanceRate'],
    categoryFilter: true,
  });
}
