import type { User } from '../accounts/schema.ts';
import { can } from '../trust/abilities.ts';
import type { TrustSettings } from '../trust/settings.ts';
import type { AccessLevel, Category } from './schema.ts';

/** The member looking at something; null for a guest. */
export type Viewer =
  | (Pick<User, 'id' | 'role' | 'status' | 'statusUntil'> &
      Partial<Pick<User, 'silencedAt' | 'silencedUntil' | 'trustLevel' | 'groupIds' | 'moderatedCategoryIds'>>)
  | null;

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
  if (isSilenced(viewer, now)) return false;
  if (viewer.status === 'active') return true;
  return viewer.statusUntil !== null && viewer.statusUntil <= now;
}

/** Silenced (禁言) members read but do not write; the silence ends by itself at silencedUntil. */
export function isSilenced(viewer: Partial<Pick<User, 'silencedAt' | 'silencedUntil'>>, now = new Date()): boolean {
  if (!viewer.silencedAt) return false;
  return !viewer.silencedUntil || viewer.silencedUntil > now;
}

type CategoryAccess = Pick<Category, 'readAccess' | 'startAccess' | 'replyAccess'> &
  Partial<Pick<Category, 'id' | 'minTrustRead' | 'minTrustStart' | 'minTrustReply' | 'readGroupIds' | 'startGroupIds' | 'replyGroupIds'>>;

/** Staff everywhere, or a moderator scoped to this category (category_moderators). */
export function isStaffIn(viewer: Viewer, categoryId: number | undefined): boolean {
  if (isStaffViewer(viewer)) return true;
  return categoryId !== undefined && (viewer?.moderatedCategoryIds?.includes(categoryId) ?? false);
}

/** A category's community rule (core/trust, core/groups): a minimum trust level and, when listed, membership of a group. */
function meetsCommunityRule(viewer: Viewer, minTrust: number | undefined, groupIds: readonly number[] | undefined): boolean {
  if (isStaffViewer(viewer)) return true;
  if ((minTrust ?? 0) > 0 && (viewer?.trustLevel ?? 0) < (minTrust ?? 0)) return false;
  if (groupIds && groupIds.length > 0 && !(viewer?.groupIds ?? []).some((id) => groupIds.includes(id))) return false;
  return true;
}

/** The one read check: every route that shows a category, thread or post asks it. */
export function canReadCategory(viewer: Viewer, category: CategoryAccess, parent?: CategoryAccess | null): boolean {
  if (parent && !canReadCategory(viewer, parent)) return false;
  if (isStaffIn(viewer, category.id)) return true;
  return viewerRank(viewer) >= rank[category.readAccess] && meetsCommunityRule(viewer, category.minTrustRead, category.readGroupIds);
}

export function canStartThread(viewer: Viewer, category: CategoryAccess, parent?: CategoryAccess | null): boolean {
  if (!canAct(viewer) || !canReadCategory(viewer, category, parent)) return false;
  if (isStaffIn(viewer, category.id)) return true;
  return viewerRank(viewer) >= Math.max(1, rank[category.startAccess]) && meetsCommunityRule(viewer, category.minTrustStart, category.startGroupIds);
}

export function canReply(viewer: Viewer, category: CategoryAccess, thread: { locked: boolean }, parent?: CategoryAccess | null): boolean {
  if (!canAct(viewer) || !canReadCategory(viewer, category, parent)) return false;
  if (isStaffIn(viewer, category.id)) return true;
  if (thread.locked) return false;
  return viewerRank(viewer) >= Math.max(1, rank[category.replyAccess]) && meetsCommunityRule(viewer, category.minTrustReply, category.replyGroupIds);
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

export function canEditPost(
  viewer: Viewer,
  post: { authorId: number; deletedAt: Date | null },
  thread: { locked: boolean; categoryId?: number },
): boolean {
  if (!canAct(viewer) || !viewer) return false;
  if (isStaffIn(viewer, thread.categoryId)) return true;
  return post.authorId === viewer.id && !post.deletedAt && !thread.locked;
}

export function canDeletePost(viewer: Viewer, post: { authorId: number; deletedAt: Date | null }, categoryId?: number): boolean {
  if (!canAct(viewer) || !viewer || post.deletedAt) return false;
  return isStaffIn(viewer, categoryId) || post.authorId === viewer.id;
}

/** A thread with where it lives: what the trust-level checks below need. */
interface ThreadScope {
  thread: { locked: boolean; deletedAt: Date | null; categoryId?: number };
  category: CategoryAccess & Pick<Category, 'id'>;
  parent?: CategoryAccess | null;
}

/**
 * Editing only the title of a thread: staff in its category always; members whose trust level unlocks
 * `editTitles` on any live, unlocked thread in a category they may reply in (core/trust).
 * `settings` defaults to the ones this process last read (views); services pass fresh ones.
 */
export function canEditTitle(viewer: Viewer, scope: ThreadScope, settings?: TrustSettings): boolean {
  if (!viewer || !canAct(viewer)) return false;
  if (isStaffIn(viewer, scope.category.id)) return true;
  if (scope.thread.deletedAt || scope.thread.locked) return false;
  return canReply(viewer, scope.category, scope.thread, scope.parent) && can(viewer, 'editTitles', settings);
}

/**
 * Moving a thread to another category: staff (core/moderation thread tools); members whose trust level
 * unlocks `recategorise` for live, unlocked threads in a category they may reply in. Where it may go is
 * checked against the target: staff any category they read, members one they may start threads in.
 */
export function canRecategorise(viewer: Viewer, scope: ThreadScope, settings?: TrustSettings): boolean {
  if (!viewer || !canAct(viewer) || scope.thread.deletedAt) return false;
  if (isStaffViewer(viewer)) return true;
  if (scope.thread.locked) return false;
  return canReply(viewer, scope.category, scope.thread, scope.parent) && can(viewer, 'recategorise', settings);
}

/**
 * Editing the body of a wiki post (marked by staff): members whose trust level unlocks `editWiki`, on a
 * live post they can see, in a thread they may reply to.
 */
export function canEditWiki(
  viewer: Viewer,
  post: { wiki: boolean; deletedAt: Date | null; heldAt: Date | null },
  scope: ThreadScope,
  settings?: TrustSettings,
): boolean {
  if (!post.wiki || post.deletedAt || post.heldAt || scope.thread.deletedAt) return false;
  return canReply(viewer, scope.category, scope.thread, scope.parent) && can(viewer, 'editWiki', settings);
}

/** Marking a (live) post as a wiki, or no longer: staff, and moderators of its category. */
export function canToggleWiki(viewer: Viewer, categoryId: number): boolean {
  return canAct(viewer) && isStaffIn(viewer, categoryId);
}
