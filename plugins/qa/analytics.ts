import type { AnalyticsRange } from '../../core/plugins/api.ts';
import { questionStats } from './service/stats.ts';
import type { QaApi } from './settings.ts';

/** The questions panel on /admin/analytics: figures for questions asked in the chosen period. */
export function registerAnalytics(api: QaApi): void {
  const stats = (range: AnalyticsRange) => questionStats(api.db, { start: range.start, end: range.end, categoryId: range.categoryId });
  api.analytics.metric({ key: 'questions', labelKey: 'qa.analytics.questions', format: 'number', total: async (range) => (await stats(range)).questions });
  api.analytics.metric({
    key: 'solveRate',
    labelKey: 'qa.analytics.solveRate',
    format: 'percent',
    total: async (range) => {
      const { questions, solved } = await stats(range);
      return questions === 0 ? null : solved / questions;
    },
  });
  api.analytics.metric({
    key: 'timeToFirstAnswer',
    labelKey: 'qa.analytics.timeToFirstAnswer',
    format: 'duration',
    total: async (range) => (await stats(range)).medianFirstAnswerSeconds,
  });
  api.analytics.metric({
    key: 'timeToAcceptance',
    labelKey: 'qa.analytics.timeToAcceptance',
    format: 'duration',
    total: async (range) => (await stats(range)).medianAcceptanceSeconds,
  });
  api.analytics.panel({
    key: 'questions',
    titleKey: 'qa.analytics.title',
    descriptionKey: 'qa.analytics.description',
    metrics: ['questions', 'solveRate', 'timeToFirstAnswer', 'timeToAcceptance'],
    categoryFilter: true,
  });
}
