import { canAct, isStaffViewer, type Viewer } from '../../../core/plugins/api.ts';
import type { Poll } from '../schema.ts';
import type { PollsSettings } from '../settings.ts';

/** The author of a poll or giveaway, or staff: may close, edit, draw, export. */
export function canManage(viewer: Viewer, item: { authorId: number | null }): boolean {
  if (!viewer || !canAct(viewer)) return false;
  return isStaffViewer(viewer) || (item.authorId !== null && item.authorId === viewer.id);
}

/** Who may attach a poll, survey, quiz or giveaway to a thread (setting `whoCanCreate`). */
export function canCreate(viewer: Viewer, thread: { authorId: number; locked: boolean }, settings: Pick<PollsSettings, 'whoCanCreate'>): boolean {
  if (!viewer || !canAct(viewer)) return false;
  if (isStaffViewer(viewer)) return true;
  if (thread.locked) return false;
  return settings.whoCanCreate === 'anyone' || thread.authorId === viewer.id;
}

export function isClosed(poll: Pick<Poll, 'closedAt' | 'closesAt'>, now = new Date()): boolean {
  return poll.closedAt !== null || (poll.closesAt !== null && poll.closesAt.getTime() <= now.getTime());
}

/**
 * Whether the viewer sees counts. Survey answers are for their author and staff; a quiz's answers
 * show once it is closed; a poll follows its `results` mode.
 */
export function resultsVisible(poll: Pick<Poll, 'kind' | 'results' | 'closedAt' | 'closesAt'>, viewer: { manager: boolean; responded: boolean }, now = new Date()): boolean {
  if (viewer.manager) return true;
  const closed = isClosed(poll, now);
  if (poll.kind === 'survey') return false;
  if (poll.kind === 'quiz') return closed;
  if (poll.results === 'always') return true;
  if (poll.results === 'voted') return viewer.responded || closed;
  return closed;
}
