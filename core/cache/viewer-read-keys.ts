/**
 * The keys a member's own reads are kept under (core/cache/viewer-reads.ts). The thread route, the header
 * counts' middleware and the member lane (core/http/member-pages/lane.ts) read the same entries.
 */
export const viewerReadKeys = {
  headerCounts: 'headerCounts',
  likes: (postIds: readonly number[]) => `likes:${postIds.join()}`,
  watch: (threadId: number) => `watch:${threadId}`,
};
