import type { AppDeps } from '../http/deps.ts';
import { PUBLISH_THREAD_JOB, publishDueThreads, publishScheduledThread } from './publish.ts';

export { PUBLISH_THREAD_JOB };
export const PUBLISH_SWEEP_JOB = 'scheduling.sweep';

/**
 * One job per scheduled thread, due at its time; a minute sweep catches any whose job was lost or whose time
 * was moved earlier. Both are idempotent: publishing checks and clears publish_at in one statement.
 */
export function defineSchedulingJobs(deps: Pick<AppDeps, 'db' | 'jobs' | 'live' | 'plugins'>): void {
  deps.jobs.define({
    name: PUBLISH_THREAD_JOB,
    retryLimit: 5,
    handler: async (data) => {
      const threadId = Number((data as { threadId?: unknown }).threadId);
      if (Number.isSafeInteger(threadId)) await publishScheduledThread(deps, threadId);
    },
  });
  deps.jobs.define({
    name: PUBLISH_SWEEP_JOB,
    cron: '* * * * *',
    retryLimit: 1,
    handler: async () => {
      await publishDueThreads(deps);
    },
  });
  deps.plugins.hooks.addAction(
    'thread.created',
    async ({ thread }) => {
      if (thread.publishAt) await deps.jobs.send(PUBLISH_THREAD_JOB, { threadId: thread.id }, { startAfter: thread.publishAt });
    },
    { owner: 'core.scheduling' },
  );
}
