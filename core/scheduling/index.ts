// Scheduled publishing (运营日历): the public surface.
export { publishScheduledThread, publishDueThreads, publishNow, reschedule, cancelScheduled, PUBLISH_THREAD_JOB } from './publish.ts';
export { PUBLISH_SWEEP_JOB } from './jobs.ts';
export { scheduledThreads } from './list.ts';
export { zonedLocalToDate, dateToZonedLocal } from './zoned-time.ts';
export { schedulingRoutes } from './routes.tsx';
export { registerScheduling } from './register.tsx';
export { schedulingMessages } from './messages.ts';
