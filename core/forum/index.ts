// The forum domain's public surface for other domains and plugins.
export { categories, threads, posts, postRevisions, postLikes, tags, threadTags } from './schema.ts';
export type { Category, Thread, Post, AccessLevel } from './schema.ts';
export {
  canAct,
  canDeletePost,
  canEditPost,
  canEditTitle,
  canEditWiki,
  canRecategorise,
  canToggleWiki,
  canReadCategory,
  canReply,
  canSeeDeleted,
  canStartThread,
  isStaffViewer,
  readableAccessLevels,
  type Viewer,
} from './permissions.ts';

// what a viewer may read, from the cached category list (one computation per request)
export { categoryAccess, type CategoryAccess } from './service/access.ts';
export { allCategories, invalidateCategories } from './service/category-cache.ts';

// URLs
export { categoryPath, tagPath, threadPath, slugify } from './service/slug.ts';
export { POSTS_PER_PAGE, pageOfPost, postPath } from './service/thread-page.ts';

// writes, with their plugin hooks and counters
export type { WriteContext } from './service/context.ts';
export { createThread, type CreatedThread, type NewThreadInput } from './service/create-thread.ts';
export { createPost, type CreatedPost, type NewPostInput } from './service/create-post.ts';
export { editPost, type EditPostInput } from './service/edit-post.ts';
export { editThreadTitle, type TitleEditVia } from './service/edit-title.ts';
export { setWiki } from './service/wiki.ts';
export { deletePost, restorePost } from './service/delete-post.ts';
export { toggleLike } from './service/likes.ts';
export { setThreadFlags, type ThreadFlags } from './service/moderate-thread.ts';
export { createCategory, updateCategory, moveCategory, deleteCategory, findCategory } from './service/categories.ts';

// reads
export { listThreads, type ListingQuery, type ThreadListItem } from './service/listings.ts';
export { findPostContext, findThreadContext, canSeeThread, type PostContext, type ThreadContext, readableThreadContext } from './service/lookup.ts';
export { authorsByIds, type Author } from './service/people.ts';

