import { flairLookup } from '../groups/cache.ts';
import type { AppDeps } from '../http/deps.ts';
import { registerContentLimits } from './content-limits.ts';
import { defineTrustJobs } from './jobs.ts';
import { trustSettings } from './settings.ts';
import { ProfileTrust } from './views/profile-trust.tsx';

/** Trust levels' part of the forum's start: the recompute job, the link/image limits, the profile line. */
export function registerTrust(deps: AppDeps): void {
  defineTrustJobs(deps);
  registerContentLimits(deps.plugins.hooks, deps.db);
  deps.plugins.slots.set('profile.summary', {
    key: 'core.trust.level',
    owner: 'core',
    priority: 5,
    active: () => true,
    render: async ({ vc, profile }) => {
      // also keeps this process's copy of the trust settings fresh for synchronous can() checks
      await trustSettings(deps.db);
      const flairs = await flairLookup(deps.db);
      return <ProfileTrust vc={vc} profile={profile} flairs={flairs(profile.groupIds)} />;
    },
  });
  void trustSettings(deps.db).catch((error: unknown) => deps.logger.warn({ err: error }, 'trust settings not loaded'));
}
