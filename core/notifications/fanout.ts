import type { DbOrTx } from '../db/index.ts';
import type { HookBus } from '../plugins/hooks.ts';
import { registerWatchDefaults } from '../watching/index.ts';
import { fanOutLike } from './like-fanout.ts';
import { fanOutPost } from './post-fanout.ts';

const registered = new WeakSet<HookBus>();

/**
 * Core's notifications for forum activity, and the default watch levels they rely on. Call once at start
 * with the app's hook bus; calling again for the same bus does nothing.
 */
export function registerCoreNotifications(hooks: HookBus, db: DbOrTx): void {
  if (registered.has(hooks)) return;
  registered.add(hooks);
  registerWatchDefaults(hooks, db);
  hooks.addAction(
    'post.created',
    async ({ post, thread, category }) => {
      await fanOutPost(db, { post, thread, category, opening: false });
    },
    { owner: 'core' },
  );
  // a thread held for review is announced when staff approve it (core/moderation calls fanOutPost then)
  // a scheduled thread is announced when it goes live (core/scheduling calls fanOutPost then)
  hooks.addAction(
    'thread.created',
    async ({ post, thread, category }) => {
      if (!thread.heldAt && !thread.publishAt) await fanOutPost(db, { post, thread, category, opening: true });
    },
    { owner: 'core' },
  );
  hooks.addAction('post.liked', (event) => fanOutLike(db, event), { owner: 'core' });
}
