import type { User } from '../../accounts/schema.ts';
import { sharedReadsFor } from '../../cache/shared-reads.ts';
import type { PageCache } from '../middleware/page-cache.ts';
import { memberClassKey } from './member-class.ts';
import type { MemberTemplate } from './template.tsx';

/** What a thread page's template tells the lane: whose reads to make and what to mark read. */
export interface ThreadPageMeta {
  threadId: number;
  /** The page's posts, in order: the member's likes are read for these. */
  postIds: number[];
  /** The highest post number shown: the member's read position moves here. */
  lastShown: number;
}

/** What a listing's template tells the route: the threads whose unread state the member's page shows. */
export interface ListingPageMeta {
  threadIds: number[];
}

/**
 * Whether members' thread pages and listings are made from their class's template. Off, each member's page is rendered
 * for them alone, the way every other page is: tests compare the two, byte for byte.
 */
export const memberTemplates = { enabled: true };

/** About 60 KB each (the page, its compressed segments, its parts' variants). */
const MAX_TEMPLATES = 64;

/**
 * Pages shared by a class of members, kept for `PAGE_CACHE_MS` and emptied with the forum's other caches: on
 * every successful write through any instance and on every live event but a member's notification
 * (core/cache/shared-reads.ts).
 */
export function memberPagesFor(deps: { pageCache: PageCache; config: { PAGE_CACHE_MS: number } }) {
  return sharedReadsFor<MemberTemplate<ThreadPageMeta>>(deps, 'memberPages', MAX_TEMPLATES);
}

/** Listings (home, latest, a category…) shared by a class of members: as `memberPagesFor`, about 40 KB each. */
export function memberListingsFor(deps: { pageCache: PageCache; config: { PAGE_CACHE_MS: number } }) {
  return sharedReadsFor<MemberTemplate<ListingPageMeta>>(deps, 'memberListings', MAX_TEMPLATES);
}

/** A template is found by the member's class and the URL exactly as requested. */
export function memberPageKey(user: User, locale: string, url: string): string {
  return `${memberClassKey(user, locale)} ${url}`;
}
