import type { Context } from 'hono';
import { preloadSlot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Post } from '../schema.ts';
import type { PostScope } from './post-actions.tsx';

/**
 * Lets plugins load what their slots in a run of posts need (bylines, footers, the block under the first
 * post) before it renders: one batch per slot, side by side with the route's own reads.
 */
export function preloadPostSlots(c: Context, vc: ViewContext, scope: PostScope, posts: readonly Post[]): Promise<void> {
  const { thread, category } = scope;
  const onError = (error: unknown, key: string) => c.get('log').warn({ err: error, slot: key }, 'slot preload failed');
  const places = posts.map((post) => ({ post, thread, category }));
  const first = posts.find((post) => post.number === 1);
  return Promise.all([
    preloadSlot(vc, 'post.byline', category.id, places, onError),
    preloadSlot(vc, 'post.footer', category.id, places, onError),
    preloadSlot(vc, 'thread.belowFirstPost', category.id, first ? [{ thread, category, firstPost: first }] : [], onError),
  ]).then(() => undefined);
}
