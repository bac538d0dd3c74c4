import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPage, ValidationError } from '../../../core/plugins/api.ts';
import { fields, parseEventForm, type FormInput } from '../input/event-form.ts';
import { paths } from '../paths.ts';
import { editEvent } from '../service/edit-event.ts';
import type { EventView } from '../service/load-events.ts';
import { toLocalInput, validTimeZone } from '../service/zoned-time.ts';
import type { EventsApi } from '../settings.ts';
import { EditPage } from '../views/edit-page.tsx';
import { findEvent, redirectAfterPost, requireManager, scopedThread, vcOf, type EventsContext } from './context.ts';

/** The form as the event stands, in the zone it was entered in. */
function currentValues(view: EventView): FormInput {
  const { event } = view;
  const zone = validTimeZone(event.timeZone);
  return {
    [fields.timeZone]: zone,
    [fields.starts]: toLocalInput(event.startsAt, zone),
    [fields.ends]: toLocalInput(event.endsAt, zone),
    [fields.onlineUrl]: event.onlineUrl ?? '',
    [fields.venue]: event.venue ?? '',
    [fields.capacity]: event.capacity === null ? '' : String(event.capacity),
    [fields.deadline]: event.rsvpDeadline ? toLocalInput(event.rsvpDeadline, zone) : '',
  };
}

function page(c: EventsContext, view: EventView, form: FormInput, errors: Record<string, string>, status: ContentfulStatusCode = 200) {
  const thread = scopedThread(c);
  const vc = vcOf(c);
  return renderPage(c as never, { title: thread.title, status }, (
    <EditPage vc={vc} threadId={thread.id} title={thread.title} view={view} form={form} errors={errors} timeZone={validTimeZone(String(form[fields.timeZone] ?? view.event.timeZone))} />
  ));
}

/** GET /t/:threadId/e/:eventId/edit — organisers and staff. */
export function editForm(api: EventsApi) {
  return async function eventsEditForm(c: EventsContext) {
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    return page(c, view, currentValues(view), {});
  };
}

/** POST /t/:threadId/e/:eventId/edit */
export function editSubmit(api: EventsApi) {
  return async function eventsEditSubmit(c: EventsContext) {
    const thread = scopedThread(c);
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    const body = await c.req.parseBody();
    const form: Record<string, string> = {};
    for (const name of Object.values(fields)) if (typeof body[name] === 'string') form[name] = body[name];
    form[fields.repeat] = 'none';
    form[fields.organisers] = '';
    const { maxOccurrences } = await api.settings(thread.categoryId);
    try {
      const event = parseEventForm(form, { defaultTimeZone: view.event.timeZone, maxOccurrences, now: new Date() });
      await editEvent(api, { eventId: view.event.id, by: c.get('user')!, event, title: thread.title });
    } catch (error) {
      if (error instanceof ValidationError) return page(c, view, form, error.fields, 422);
      throw error;
    }
    return redirectAfterPost(c, paths.anchor(thread.id, view.event.id));
  };
}
