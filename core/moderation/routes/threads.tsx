import { Hono, type Context } from 'hono';
import { and, asc, eq, gt } from 'drizzle-orm';
import { categories, posts } from '../../forum/schema.ts';
import { findThreadContext } from '../../forum/service/lookup.ts';
import { threadPath } from '../../forum/service/slug.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { mergeThreads, moveThread, setUnlisted, splitThread } from '../service/thread-tools.ts';
import { ThreadToolsPage } from '../views/thread-tools-page.tsx';
import { currentUser, formValues, idOf, redirectAfterPost, staffOnly } from './http.ts';

/** "12", "/t/12", "/t/12/some-title" or a full URL to a thread: its id. */
function threadIdFrom(value: string): number {
  const match = /(?:^|\/t\/)(\d{1,10})(?:[/?#]|$)/.exec(value.trim());
  return match ? Number(match[1]) : NaN;
}

/** Staff thread tools beyond pin/lock/feature: move, merge, split, unlist. */
export function threadToolRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;
  const tdeps = { db, hooks: deps.plugins.hooks };

  async function page(c: Context, threadId: number, errors?: FieldErrors) {
    const found = await findThreadContext(db, threadId);
    if (!found || found.thread.deletedAt) throw new UserError(404, 'error.404.body');
    const [cats, replies] = await Promise.all([
      db.select().from(categories).orderBy(categories.position, categories.id),
      db.select().from(posts).where(and(eq(posts.threadId, threadId), gt(posts.number, 1))).orderBy(asc(posts.number)).limit(200),
    ]);
    return renderPage(
      c,
      { title: c.get('t').t('moderation.thread.toolsTitle', { title: found.thread.title }), status: errors ? 422 : 200 },
      <ThreadToolsPage vc={viewContext(c)} thread={found.thread} categories={cats} replies={replies} errors={errors} />,
    );
  }

  const handle = (run: (c: Context, threadId: number, form: Record<string, string | string[]>) => Promise<string>) => async (c: Context) => {
    const threadId = idOf(c.req.param('id'));
    const form = await formValues(c);
    try {
      return redirectAfterPost(c, await run(c, threadId, form));
    } catch (error) {
      if (error instanceof ValidationError) return page(c, threadId, error.fields);
      throw error;
    }
  };
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

  app.get('/t/:id{[0-9]+}/moderate', staffOnly, (c) => page(c, idOf(c.req.param('id'))));
  app.post(
    '/t/:id{[0-9]+}/move',
    staffOnly,
    handle(async (c, threadId, form) => threadPath(await moveThread(tdeps, { actor: currentUser(c), threadId, categoryId: Number(text(form.categoryId)), reason: text(form.reason) }))),
  );
  app.post(
    '/t/:id{[0-9]+}/merge',
    staffOnly,
    handle(async (c, threadId, form) =>
      threadPath(await mergeThreads(tdeps, { actor: currentUser(c), sourceId: threadId, targetId: threadIdFrom(text(form.target)), reason: text(form.reason) })),
    ),
  );
  app.post(
    '/t/:id{[0-9]+}/split',
    staffOnly,
    handle(async (c, threadId, form) => {
      const ids = ([] as string[]).concat(form.postIds ?? []).map(Number);
      const created = await splitThread(tdeps, {
        actor: currentUser(c),
        threadId,
        postIds: ids,
        title: text(form.title),
        categoryId: Number(text(form.categoryId)) || undefined,
        reason: text(form.reason),
      });
      return threadPath(created);
    }),
  );
  app.post(
    '/t/:id{[0-9]+}/unlist',
    staffOnly,
    handle(async (c, threadId, form) => threadPath(await setUnlisted(tdeps, { actor: currentUser(c), threadId, unlisted: text(form.unlisted) !== '0', reason: text(form.reason) }))),
  );
  return app;
}
