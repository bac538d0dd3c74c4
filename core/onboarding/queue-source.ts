import type { AppDeps } from '../http/deps.ts';
import { registerQueueSource } from '../moderation/service/queue.ts';
import { approveRegistration, pendingCount, pendingRegistrations, rejectRegistration } from './approvals.ts';

/** Registrations awaiting approval appear in the one review queue (core/moderation), answers included. */
export function registerRegistrationQueue(deps: AppDeps): void {
  const approvalDeps = { db: deps.db, jobs: deps.jobs, hooks: deps.plugins.hooks, origin: deps.origin, logger: deps.logger };
  registerQueueSource({
    id: 'registrations',
    labelKey: 'onboarding.queue.label',
    count: (db) => pendingCount(db),
    async list(db, { limit }) {
      const rows = await pendingRegistrations(db, limit);
      return rows.map((r) => ({
        id: r.id,
        title: `${r.displayName} (@${r.username})`,
        url: '/admin/approvals',
        body: r.email,
        createdAt: r.createdAt,
        authorId: null,
        meta: r.answers.map((a) => `${a.prompt}: ${a.answer}`),
      }));
    },
    async act(_db, { itemId, action, by, reason }) {
      if (action === 'approve') await approveRegistration(approvalDeps, by, itemId);
      else await rejectRegistration(approvalDeps, by, itemId, reason);
    },
  });
}
