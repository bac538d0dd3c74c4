import { and, gte, inArray, min } from 'drizzle-orm';
import type { FC } from 'hono/jsx';
import type { Category, Thread, ViewContext } from '../../../core/plugins/api.ts';
import { eventsEvents } from '../schema.ts';
import type { EventsApi } from '../settings.ts';
import { viewerTimeZone } from './event-block.tsx';

const memo = new WeakMap<ViewContext, Promise<Map<number, Date>>>();

/** The next start of each listed thread's events: one query per list, shared by its rows. */
function nextStarts(api: EventsApi, vc: ViewContext, threadIds: readonly number[]): Promise<Map<number, Date>> {
  let found = memo.get(vc);
  if (!found) {
    found = (async () => {
      if (threadIds.length === 0) return new Map();
      const rows = await api.db
        .select({ threadId: eventsEvents.threadId, next: min(eventsEvents.startsAt) })
        .from(eventsEvents)
        .where(and(inArray(eventsEvents.threadId, [...threadIds]), gte(eventsEvents.endsAt, new Date())))
        .groupBy(eventsEvents.threadId);
      return new Map(rows.filter((r) => r.next).map((r) => [r.threadId, new Date(r.next!)]));
    })();
    memo.set(vc, found);
  }
  return found;
}

/** thread.listItem: "Event · Sun, Mar 8" beside threads that are upcoming events. */
export function listBadge(api: EventsApi): FC<{ vc: ViewContext; thread: Thread; category: Category; listThreadIds: readonly number[] }> {
  return async function EventsListBadge({ vc, thread, listThreadIds }) {
    const next = (await nextStarts(api, vc, listThreadIds)).get(thread.id);
    if (!next) return null;
    const day = new Intl.DateTimeFormat(vc.locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: viewerTimeZone(vc) }).format(next);
    return (
      <span class="badge events-list-badge">
        {vc.t('events.badge')} · <time datetime={next.toISOString()}>{day}</time>
      </span>
    );
  };
}
