import type { DbOrTx } from '../db/index.ts';
import type { HookBus } from '../plugins/hooks.ts';
import { watchByDefault } from './service/levels.ts';
import { markRead } from './service/reads.ts';

const registered = new WeakSet<HookBus>();

/**
 * Members who start or reply to a thread watch it (unless they chose otherwise), and their own post is
 * not "new" to them. Once per bus.
 */
export function registerWatchDefaults(hooks: HookBus, db: DbOrTx): void {
  if (registered.has(hooks)) return;
  registered.add(hooks);
  hooks.addAction(
    'thread.created',
    async ({ thread, post }) => {
      await watchByDefault(db, thread.authorId, thread.id);
      await markRead(db, post.authorId, thread.id, post.number);
    },
    { owner: 'core' },
  );
  hooks.addAction(
    'post.created',
    async ({ post }) => {
      await watchByDefault(db, post.authorId, post.threadId);
      await markRead(db, post.authorId, post.threadId, post.number);
    },
    { owner: 'core' },
  );
}
