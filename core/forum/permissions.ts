import type { User } from '../accounts/schema.ts';
import type { AccessLevel, Category } from './schema.ts';

/** The member looking at something; null for a guest. */
export type Viewer = Pick<User, 'id' | 'role' | 'status' | 'statusUntil'> | null;

const rank: Record<AccessLevel, number> = { everyone: 0, member: 1, moderator: 2, admin: 3 };

function viewerRank(viewer: Viewer): number {
  if (!viewer) return 0;
  return viewer.role === 'admin' ? 3 : viewer.role === 'moderator' ? 2 : 1;
}

export function isStaffViewer(viewer: Viewer): boolean {
  return viewerRank(viewer) >= 2;
}

/** Whether the viewer's standing lets them act at all (not suspended, banned or silenced). */
export function canAct(viewer: Viewer, now = new Date()): boolean {
  if (!viewer) return false;
  if (viewer.status === 'active') return true;
  return viewer.statusUntil !== null && viewer.statusUntil <= now;
}

type CategoryAccess = Pick<Category, 'readAccess' | 'startAccess' | 'replyAccess'>;

/** The one read check: every route that shows a category, thread or post asks it. */
export function canReadCategory(viewer: Viewer, category: CategoryAccess, parent?: CategoryAccess | null): boolean {
  if (parent && !canReadCategory(viewer, parent)) return false;
  return viewerRank(viewer) >= rank[category.readAccess];
}

export function canStartThread(viewer: Viewer, category: CategoryAccess, parent?: CategoryAccess | null): boolean {
  return canAct(viewer) && canReadCategory(viewer, category, parent) && viewerRank(viewer) >= Math.max(1, rank[category.startAccess]);
}

export function canReply(viewer: Viewer, category: CategoryAccess, thread: { locked: boolean }, parent?: CategoryAccess | null): boolean {
  if (!canAct(viewer) || !canReadCategory(viewer, category, parent)) return false;
  if (thread.locked && !isStaffViewer(viewer)) return false;
  return viewerRank(viewer) >= Math.max(1, rank[category.replyAccess]);
}

/** Access levels a viewer may read, for SQL filters: `category.read_access in (...)`. */
export function readableAccessLevels(viewer: Viewer): AccessLevel[] {
  const r = viewerRank(viewer);
  return (Object.keys(rank) as AccessLevel[]).filter((level) => rank[level] <= r);
}

/** Post visibility: deleted posts are visible to staff only (members see a tombstone). */
export function canSeeDeleted(viewer: Viewer): boolean {
  return isStaffViewer(viewer);
}

export function canEditPost(viewer: Viewer, post: { authorId: number; deletedAt: Date | null }, thread: { locked: boolean }): boolean {
  if (!canAct(viewer) || !viewer) return false;
  if (isStaffViewer(viewer)) return true;
  return post.authorId === viewer.id && !post.deletedAt && !thread.locked;
}

export function canDeletePost(viewer: Viewer, post: { authorId: number; deletedAt: Date | null }): boolean {
  if (!canAct(viewer) || !viewer || post.deletedAt) return false;
  return isStaffViewer(viewer) || post.authorId === viewer.id;
}
