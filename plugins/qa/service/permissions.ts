import { canAct, isStaffViewer, type Thread, type User } from '../../../core/plugins/api.ts';
import type { QaSettings } from '../settings.ts';

/** The asker (when the setting allows) and staff accept answers; staff may also in a locked thread. */
export function canAccept(user: User | null, thread: Pick<Thread, 'authorId' | 'locked'>, settings: QaSettings): boolean {
  if (!user || !canAct(user)) return false;
  if (isStaffViewer(user)) return true;
  if (thread.locked) return false;
  return settings.whoMayAccept === 'askerAndStaff' && thread.authorId === user.id;
}

/** Members vote on posts of others. */
export function canVote(user: User | null, post: { authorId: number }, thread: Pick<Thread, 'locked'>): boolean {
  return !!user && canAct(user) && post.authorId !== user.id && !thread.locked;
}
