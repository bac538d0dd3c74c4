import { eq } from 'drizzle-orm';
import type { FC } from 'hono/jsx';
import type { Category, Thread, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { eventsSeries } from '../schema.ts';
import { formatRange } from '../service/format.ts';
import { loadEvents } from '../service/load-events.ts';
import type { EventsApi } from '../settings.ts';
import { EventBlock, viewerTimeZone, type SeriesInfo } from './event-block.tsx';

const SHOWN = 3;

/** Series facts of a thread's occurrences (one query), for "occurrence 2 of 8 (weekly)". */
export async function seriesOf(api: EventsApi, threadId: number): Promise<SeriesInfo | null> {
  const [series] = await api.db.select().from(eventsSeries).where(eq(eventsSeries.threadId, threadId)).limit(1);
  return series ? { frequency: series.frequency, total: series.occurrences } : null;
}

/**
 * The thread.belowFirstPost slot: the next occurrences in full (the last one once all have ended),
 * later ones of a series as links.
 */
export function threadEvents(api: EventsApi): FC<{ vc: ViewContext; thread: Thread; category: Category }> {
  return async function ThreadEvents({ vc, thread }) {
    const views = await loadEvents(api.db, { threadId: thread.id, viewerId: vc.user?.id ?? null });
    if (views.length === 0) return null;
    const series = views.length > 1 ? await seriesOf(api, thread.id) : null;
    const now = new Date();
    const upcoming = views.filter((v) => v.event.endsAt >= now);
    const shown = upcoming.length > 0 ? upcoming.slice(0, SHOWN) : views.slice(-1);
    const later = upcoming.slice(SHOWN);
    const where = { locale: vc.locale, timeZone: viewerTimeZone(vc) };
    return (
      <div class="events-thread">
        {shown.map((view) => (
          <EventBlock vc={vc} view={view} threadId={thread.id} locked={thread.locked} series={series} now={now} />
        ))}
        {later.length > 0 ? (
          <ul class="events-later">
            {later.map((view) => (
              <li>
                <a href={paths.event(thread.id, view.event.id)}>{formatRange(view.event, where)}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  };
}
