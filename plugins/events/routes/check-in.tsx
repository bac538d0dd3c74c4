import { eq } from 'drizzle-orm';
import { renderPage, UserError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { eventsEvents } from '../schema.ts';
import { markAttendance } from '../service/attendance.ts';
import { listAttendees } from '../service/attendees.ts';
import { addOrganisers, findMembers, removeOrganiser } from '../service/organisers.ts';
import type { EventsApi } from '../settings.ts';
import { CheckInPage, CheckInRow, CheckInSummary } from '../views/check-in-page.tsx';
import { findEvent, idParam, isHtmx, redirectAfterPost, requireManager, scopedThread, vcOf, type EventsContext } from './context.ts';

/** GET /t/:threadId/e/:eventId/check-in — the organisers' list for the door. */
export function checkInPage(api: EventsApi) {
  return async function eventsCheckIn(c: EventsContext) {
    const thread = scopedThread(c);
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    const attendees = await listAttendees(api.db, view.event.id);
    const vc = vcOf(c);
    const error = c.req.query('unknown') ? vc.t('events.error.unknownOrganiser', { names: c.req.query('unknown') ?? '' }) : undefined;
    return renderPage(c as never, { title: vc.t('events.checkin.title', { title: thread.title }) }, (
      <CheckInPage vc={vc} threadId={thread.id} title={thread.title} view={view} attendees={attendees} error={error} />
    ));
  };
}

/** POST /t/:threadId/e/:eventId/check-in — userId, attended=1|0. */
export function checkInSubmit(api: EventsApi) {
  return async function eventsCheckInSubmit(c: EventsContext) {
    const thread = scopedThread(c);
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    const body = await c.req.parseBody();
    const userId = idParam(typeof body.userId === 'string' ? body.userId : undefined);
    const attended = body.attended === '1';
    const attendee = (await listAttendees(api.db, view.event.id, ['going', 'waitlisted', 'interested', 'not_going'])).find((a) => a.userId === userId);
    if (!attendee) throw new UserError(422, 'events.error.notReplied');
    await markAttendance(api, { eventId: view.event.id, userId, attended, by: c.get('user')! });
    if (!isHtmx(c)) return redirectAfterPost(c, paths.checkIn(thread.id, view.event.id));
    const attendees = await listAttendees(api.db, view.event.id);
    const fresh = attendees.find((a) => a.userId === userId) ?? (await listAttendees(api.db, view.event.id, [attendee.status])).find((a) => a.userId === userId);
    const vc = vcOf(c);
    return c.html(
      <>
        <CheckInRow vc={vc} threadId={thread.id} eventId={view.event.id} attendee={fresh ?? attendee} />
        <CheckInSummary vc={vc} attendees={attendees} oob />
      </>,
    );
  };
}

/** Organisers of every occurrence of the thread's events change together. */
async function threadEventIds(api: EventsApi, threadId: number): Promise<number[]> {
  return (await api.db.select({ id: eventsEvents.id }).from(eventsEvents).where(eq(eventsEvents.threadId, threadId))).map((r) => r.id);
}

/** POST /t/:threadId/e/:eventId/organisers — username. */
export function addOrganiserRoute(api: EventsApi) {
  return async function eventsAddOrganiser(c: EventsContext) {
    const thread = scopedThread(c);
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    const body = await c.req.parseBody();
    const name = (typeof body.username === 'string' ? body.username : '').trim().replace(/^@/, '').slice(0, 40);
    const { ids, missing } = await findMembers(api.db, name ? [name] : []);
    if (!name || missing.length > 0) {
      return c.redirect(`${paths.checkIn(thread.id, view.event.id)}?unknown=${encodeURIComponent(name || '—')}`, 303);
    }
    await addOrganisers(api.db, await threadEventIds(api, thread.id), ids);
    return redirectAfterPost(c, paths.checkIn(thread.id, view.event.id));
  };
}

/** POST /t/:threadId/e/:eventId/organisers/remove — userId (the creator stays). */
export function removeOrganiserRoute(api: EventsApi) {
  return async function eventsRemoveOrganiser(c: EventsContext) {
    const thread = scopedThread(c);
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    const body = await c.req.parseBody();
    const userId = idParam(typeof body.userId === 'string' ? body.userId : undefined);
    for (const eventId of await threadEventIds(api, thread.id)) await removeOrganiser(api.db, eventId, userId);
    return redirectAfterPost(c, paths.checkIn(thread.id, view.event.id));
  };
}
