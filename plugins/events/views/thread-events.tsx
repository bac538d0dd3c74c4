import { eq } from 'drizzle-orm';
import type { FC } from 'hono/jsx';
import { perView, type Category, type SlotPreload, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
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
export function threadEvents(api: EventsApi): {
  render: FC<{ vc: ViewContext; thread: Thread; category: Category }>;
  preload: SlotPreload<'thread.belowFirstPost'>;
} {
  // the preload starts the queries with the thread page's own, so the render does not wait on them
  const once = perView(async (vc: ViewContext, threadId: number) => {
    const views = await loadEvents(api.db, { threadId, viewerId: vc.user?.id ?? null });
    return { views, series: views.length > 1 ? await seriesOf(api, threadId) : null };
  });
  return {
    preload: ({ vc, places }) => (places[0] ? once(vc, places[0].thread.id).then(() => undefined) : Promise.resolve()),
    render: renderWith(once),
  };
}

function renderWith(data: (vc: ViewContext, threadId: number) => Promise<{ views: Awaited<ReturnType<typeof loadEvents>>; series: SeriesInfo | null }>) {
  return async function ThreadEvents({ vc, thread }: { vc: ViewContext; thread: Thread; category: Category }) {
    const { views, series } = await data(vc, thread.id);
    if (views.length === 0) return null;
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
