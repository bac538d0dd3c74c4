import { isStaffViewer } from '../forum/permissions.ts';
import type { AppDeps } from '../http/deps.ts';
import { PUBLISH_AT_FIELD, registerSchedulingFilter } from './filter.ts';
import { defineSchedulingJobs } from './jobs.ts';
import { PublishAtField } from './views/composer-field.tsx';

/** Scheduled publishing's part of the forum's start: the composer field, its filter and the publishing jobs. */
export function registerScheduling(deps: AppDeps): void {
  defineSchedulingJobs(deps);
  registerSchedulingFilter(deps.plugins.hooks, deps.db);
  deps.plugins.slots.set('composer.extras', {
    key: 'core.scheduling.publishAt',
    owner: 'core',
    priority: 900,
    active: () => true,
    shared: true,
    render: ({ vc, mode, form }) => {
      const user = vc.user;
      if (mode !== 'thread' || !user) return null;
      if (!isStaffViewer(user) && (user.moderatedCategoryIds?.length ?? 0) === 0) return null;
      const value = form?.[PUBLISH_AT_FIELD];
      return <PublishAtField vc={vc} value={typeof value === 'string' ? value : ''} />;
    },
  });
}
