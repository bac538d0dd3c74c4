import type { HookBus } from '../plugins/hooks.ts';
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
