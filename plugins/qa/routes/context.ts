import type { Context } from 'hono';
import { formValues, UserError, viewContext, type PluginEnv, type Post, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { findPost, findThread } from '../service/records.ts';
import type { QaApi, QaSettings } from '../settings.ts';

export type QaContext = Context<PluginEnv<QaSettings>>;

export function vcOf(c: QaContext): ViewContext {
  return viewContext(c as unknown as Context);
}

export function isHtmx(c: QaContext): boolean {
  return c.req.header('hx-request') === 'true';
}

export function idParam(c: QaContext, name: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw new UserError(404, 'error.404.body');
  return Number(value);
}

/** The full row of the thread api.scope.thread() admitted. */
export async function scopedThread(api: QaApi, c: QaContext): Promise<Thread> {
  const scoped = c.get('plugin').thread;
  const thread = scoped ? await findThread(api.db, scoped.id) : undefined;
  if (!thread) throw new UserError(404, 'error.404.body');
  return thread;
}

/** The post in the path, which must belong to the thread. */
export async function pathPost(api: QaApi, c: QaContext, thread: Thread): Promise<Post> {
  const post = await findPost(api.db, thread.id, idParam(c, 'postId'));
  if (!post) throw new UserError(404, 'error.404.body');
  return post;
}

export async function formInput(c: QaContext): Promise<Record<string, string | string[]>> {
  return formValues(c as unknown as Context);
}

export function single(form: Record<string, string | string[]>, key: string): string | undefined {
  const value = form[key];
  return Array.isArray(value) ? value[0] : value;
}

/** 303 back to the page for a plain form post, HX-Redirect for htmx. */
export function redirectAfterPost(c: QaContext, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}
