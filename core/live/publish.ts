import type { HookBus } from '../plugins/hooks.ts';
import type { DbOrTx } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import { onNotified } from '../notifications/events.ts';
import { unreadCount } from '../notifications/service.ts';
import type { LiveBus } from './bus.ts';

/** Core's own observers: a new post is announced to the thread's open pages and to listings. */
export function registerLivePublishing(hooks: HookBus, live: LiveBus): void {
  hooks.addAction(
    'post.created',
    async ({ post, thread }) => {
      await live.publish({ channel: `thread:${thread.id}`, event: 'post', data: { threadId: thread.id, number: post.number, postId: post.id } });
      await live.publish({ channel: 'latest', event: 'activity', data: { threadId: thread.id, categoryId: thread.categoryId } });
    },
    { owner: 'core', priority: 1000 },
  );
  hooks.addAction(
    'thread.created',
    async ({ thread }) => {
      await live.publish({ channel: 'latest', event: 'activity', data: { threadId: thread.id, categoryId: thread.categoryId } });
    },
    { owner: 'core', priority: 1000 },
  );
}

/** Bells on open pages follow new notifications: each notified member gets their new unread count. */
export function registerNotificationPublishing(db: DbOrTx, live: LiveBus, logger: Logger): () => void {
  return onNotified((userIds) => {
    void (async () => {
      for (const userId of userIds) {
        const unread = await unreadCount(db, userId);
        await live.publish({ channel: `user:${userId}`, event: 'notifications', data: { unread } });
      }
    })().catch((error: unknown) => logger.warn({ err: error }, 'bell update failed'));
  });
}
