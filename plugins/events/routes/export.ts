import { listAttendees } from '../service/attendees.ts';
import { toCsv } from '../service/csv.ts';
import type { EventsApi } from '../settings.ts';
import { findEvent, requireManager, scopedThread, vcOf, type EventsContext } from './context.ts';

/** GET /t/:threadId/e/:eventId/attendees.csv — every reply, for organisers and staff. */
export function exportRoute(api: EventsApi) {
  return async function eventsExport(c: EventsContext) {
    scopedThread(c);
    const view = await findEvent(api.db, c);
    requireManager(c, view);
    const vc = vcOf(c);
    const attendees = await listAttendees(api.db, view.event.id, ['going', 'waitlisted', 'interested', 'not_going']);
    const rows = [
      [vc.t('events.csv.username'), vc.t('events.csv.displayName'), vc.t('events.csv.status'), vc.t('events.csv.repliedAt'), vc.t('events.csv.attended')],
      ...attendees.map((a) => [a.username, a.displayName, vc.t(`events.status.${a.status}`), a.statusAt.toISOString(), vc.t(a.attendedAt ? 'events.csv.yes' : 'events.csv.no')]),
    ];
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="event-${view.event.id}-attendees.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(toCsv(rows));
  };
}
