// Watch levels and read tracking: the public surface for other domains and the forum views.
export { threadWatches, categoryWatches, threadReads, watchLevels, type WatchLevel } from './schema.ts';
export {
  setThreadWatch,
  setCategoryWatch,
  watchLevel,
  categoryWatchLevel,
  watchByDefault,
  watchersOf,
  levelsFor,
  type ThreadPlace,
} from './service/levels.ts';
export { markRead, alreadyMarked, unreadCounts, lastReadNumber, type UnreadState } from './service/reads.ts';
export { postNumberUrl } from './service/urls.ts';
export { registerWatchDefaults } from './hooks.ts';
export { watchingRoutes } from './routes.tsx';
export { watchingMessages } from './messages.ts';
export { WatchControl, type WatchControlProps } from './views/watch-control.tsx';
export { UnreadBadge } from './views/unread-badge.tsx';
