import type { Context } from 'hono';
import { formValues as submittedValues, UserError, viewContext, type PluginEnv, type ScopedThread, type ViewContext } from '../../../core/plugins/api.ts';
import type { FormInput } from '../input/fields.ts';
import { loadGiveaways, type GiveawayView } from '../service/load-giveaways.ts';
import { loadPolls, type PollView } from '../service/load-polls.ts';
import { canManage } from '../service/permissions.ts';
import { validTimeZone } from '../service/zoned-time.ts';
import type { PollsApi, PollsSettings } from '../settings.ts';

export type PollsContext = Context<PluginEnv<PollsSettings>>;

/** Set by api.scope.thread() on every route under /t/:threadId. */
export function scopedThread(c: PollsContext): ScopedThread {
  const thread = c.get('plugin').thread;
  if (!thread) throw new UserError(404, 'error.404.body');
  return thread;
}

export function vcOf(c: PollsContext): ViewContext {
  return viewContext(c as unknown as Context);
}

export function isHtmx(c: PollsContext): boolean {
  return c.req.header('hx-request') === 'true';
}

/** The zone datetime-local fields are read and shown in: the member's own, else the forum's. */
export function timeZoneOf(c: PollsContext): string {
  return validTimeZone(c.get('user')?.timeZone ?? c.get('site').timeZone);
}

/** The body with repeated fields (checkboxes) kept as arrays. */
export function formInput(c: PollsContext): Promise<Record<string, string | string[]>> {
  return submittedValues(c as unknown as Context);
}

/** Single values of a form, to fill inputs again. */
export function formValues(form: FormInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

function idParam(c: PollsContext, name: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw new UserError(404, 'error.404.body');
  return Number(value);
}

/** The poll in the path, which must belong to the scoped thread. */
export async function findPoll(api: PollsApi, c: PollsContext): Promise<PollView> {
  const thread = scopedThread(c);
  const [view] = await loadPolls(api.db, { threadId: thread.id, pollId: idParam(c, 'pollId'), viewerId: c.get('user')?.id ?? null });
  if (!view) throw new UserError(404, 'error.404.body');
  return view;
}

export async function findGiveaway(api: PollsApi, c: PollsContext): Promise<GiveawayView> {
  const thread = scopedThread(c);
  const [view] = await loadGiveaways(api.db, { threadId: thread.id, giveawayId: idParam(c, 'giveawayId') });
  if (!view) throw new UserError(404, 'error.404.body');
  return view;
}

/** Closing, editing, drawing and exporting are for the author and staff. */
export function requireManager(c: PollsContext, item: { authorId: number | null }): void {
  if (!c.get('user')) throw new UserError(403, 'polls.error.loginRequired');
  if (!canManage(c.get('user'), item)) throw new UserError(403, 'polls.error.notAllowed');
}

/** 303 for a plain form post, HX-Redirect for htmx. */
export function redirectAfterPost(c: PollsContext, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}
