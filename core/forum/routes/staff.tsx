import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { logModerationAction } from '../../moderation/service/log.ts';
import { isStaffViewer } from '../permissions.ts';
import { findThreadContext } from '../service/lookup.ts';
import { deletePost, restorePost } from '../service/delete-post.ts';
import { isPin, setThreadFlags, type ThreadFlags } from '../service/moderate-thread.ts';
import { threadPath } from '../service/slug.ts';
import { firstPost } from '../service/thread-page.ts';
import { formBody, idParam, isHtmx, writer } from './context.ts';
import { threadHeaderFragment, visibleThread } from './thread.tsx';

/** Staff tools on a thread: pin, lock, feature (加精), delete and restore. */
export function staffRoutes(): Hono {
  const app = new Hono();

  const done = async (c: Context, threadId: number) => {
    if (isHtmx(c)) return threadHeaderFragment(c, threadId);
    const { thread } = await visibleThread(c, threadId);
    return c.redirect(threadPath(thread), 303);
  };

  const flag = (parse: (form: Record<string, string>) => ThreadFlags) => async (c: Context) => {
    const threadId = idParam(c.req.param('id'));
    const flags = parse(await formBody(c));
    const ctx = writer(c);
    const found = await findThreadContext(ctx.db, threadId);
    const updated = await setThreadFlags(ctx, threadId, flags);
    const keys = Object.keys(flags) as (keyof ThreadFlags)[];
    await logModerationAction(ctx.db, {
      actorId: ctx.user?.id ?? null,
      action: `thread.${keys.join('+')}`,
      targetType: 'thread',
      targetId: threadId,
      targetUserId: updated.authorId,
      before: found ? Object.fromEntries(keys.map((k) => [k, found.thread[k]])) : null,
      after: Object.fromEntries(keys.map((k) => [k, updated[k]])),
    });
    return done(c, threadId);
  };

  app.post(
    '/t/:id{[0-9]+}/pin',
    flag((form) => {
      if (!isPin(form.pinned)) throw new UserError(400, 'error.400.body');
      return { pinned: form.pinned };
    }),
  );
  app.post('/t/:id{[0-9]+}/lock', flag((form) => ({ locked: form.locked !== '0' })));
  app.post('/t/:id{[0-9]+}/feature', flag((form) => ({ featured: form.featured !== '0' })));

  const firstPostAction = (action: typeof deletePost) => async (c: Context) => {
    const threadId = idParam(c.req.param('id'));
    const ctx = writer(c);
    if (!isStaffViewer(ctx.user)) throw new UserError(403, 'error.403.body');
    await visibleThread(c, threadId);
    const first = await firstPost(ctx.db, threadId);
    if (!first) throw new UserError(404, 'error.404.body');
    await action(ctx, first.id);
    await logModerationAction(ctx.db, {
      actorId: ctx.user!.id,
      action: action === deletePost ? 'thread.delete' : 'thread.restore',
      targetType: 'thread',
      targetId: threadId,
      targetUserId: first.authorId,
    });
    return done(c, threadId);
  };
  app.post('/t/:id{[0-9]+}/delete', firstPostAction(deletePost));
  app.post('/t/:id{[0-9]+}/restore', firstPostAction(restorePost));

  return app;
}
