import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPartOrPage } from '../../../core/plugins/api.ts';
import type { EventView } from '../service/load-events.ts';
import type { EventsApi } from '../settings.ts';
import { EventBlock } from '../views/event-block.tsx';
import { seriesOf } from '../views/thread-events.tsx';
import { findEvent, scopedThread, vcOf, type EventsContext } from './context.ts';

/** An event block: the fragment htmx swaps in, or a page of its own without JavaScript. */
export async function respondWithEvent(api: EventsApi, c: EventsContext, view: EventView, options: { notice?: string; problem?: string; status?: ContentfulStatusCode } = {}) {
  const thread = scopedThread(c);
  const vc = vcOf(c);
  const series = view.event.seriesId ? await seriesOf(api, thread.id) : null;
  return renderPartOrPage(
    c as never,
    { title: thread.title, status: options.status },
    <>
      {vc.isHtmx ? null : (
        <p>
          <a href={`/t/${thread.id}`}>{vc.t('events.backToThread', { title: thread.title })}</a>
        </p>
      )}
      <EventBlock vc={vc} view={view} threadId={thread.id} locked={thread.locked} series={series} notice={options.notice} problem={options.problem} />
    </>,
  );
}

/** GET /t/:threadId/e/:eventId */
export function showEvent(api: EventsApi) {
  return async function eventsShow(c: EventsContext) {
    return respondWithEvent(api, c, await findEvent(api.db, c));
  };
}
