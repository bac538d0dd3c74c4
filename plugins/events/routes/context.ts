import type { Context } from 'hono';
import { UserError, viewContext, type PluginEnv, type ScopedThread, type ViewContext } from '../../../core/plugins/api.ts';
import { loadEvents, type EventView } from '../service/load-events.ts';
import { canManage } from '../service/organisers.ts';
import type { EventsSettings } from '../settings.ts';
import type { Db } from '../../../core/plugins/api.ts';

export type EventsContext = Context<PluginEnv<EventsSettings>>;

/** Set by api.scope.thread() on every route under /t/:threadId. */
export function scopedThread(c: EventsContext): ScopedThread {
  const thread = c.get('plugin').thread;
  if (!thread) throw new UserError(404, 'error.404.body');
  return thread;
}

export function vcOf(c: EventsContext): ViewContext {
  return viewContext(c as unknown as Context);
}

export function isHtmx(c: EventsContext): boolean {
  return c.req.header('hx-request') === 'true';
}

export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw new UserError(404, 'error.404.body');
  return Number(value);
}

/** The event in the path, which must belong to the scoped thread. */
export async function findEvent(db: Db, c: EventsContext): Promise<EventView> {
  const thread = scopedThread(c);
  const [view] = await loadEvents(db, { eventIds: [idParam(c.req.param('eventId'))], viewerId: c.get('user')?.id ?? null });
  if (!view || view.event.threadId !== thread.id) throw new UserError(404, 'error.404.body');
  return view;
}

/** Check-in, export and organisers are for the event's organisers and staff. */
export function requireManager(c: EventsContext, view: EventView): void {
  if (!c.get('user')) throw new UserError(403, 'events.error.loginRequired');
  if (!canManage(c.get('user'), view.organiserIds)) throw new UserError(403, 'events.error.notAllowed');
}

/** 303 for a plain form post, HX-Redirect for htmx. */
export function redirectAfterPost(c: EventsContext, to: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}
