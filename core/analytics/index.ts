export { registerAnalytics, runNightlyRollup, forumTimeZone, ROLLUP_JOB } from './jobs.ts';
export { rollupDay, rollupRange, firstForumDay } from './service/rollup.ts';
export { computeDay } from './service/compute-day.ts';
export { analyticsRoutes } from './routes.tsx';
export type { AnalyticsRange, AnalyticsMetricDefinition, AnalyticsPanelDefinition } from './plugin-types.ts';
