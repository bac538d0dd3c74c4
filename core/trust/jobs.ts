import type { AppDeps } from '../http/deps.ts';
import { recomputeAllTrustLevels } from './service.ts';

export const TRUST_RECOMPUTE_JOB = 'trust.recompute';

/** Trust levels follow activity: recomputed every hour, and on demand from the admin pages. */
export function defineTrustJobs(deps: Pick<AppDeps, 'db' | 'jobs' | 'logger'>): void {
  deps.jobs.define({
    name: TRUST_RECOMPUTE_JOB,
    cron: '23 * * * *',
    retryLimit: 2,
    handler: async () => {
      const result = await recomputeAllTrustLevels(deps.db);
      if (result.promoted || result.demoted) deps.logger.info(result, 'trust levels recomputed');
    },
  });
}
