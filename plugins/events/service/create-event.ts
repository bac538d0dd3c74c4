import type { NewEvent } from '../input/event-form.ts';
import { paths } from '../paths.ts';
import { eventsEvents, eventsSeries, type EventRow } from '../schema.ts';
import type { EventsApi } from '../settings.ts';
import { addOrganisers } from './organisers.ts';
import { scheduleReminder } from './reminders.ts';
import { shiftWallClock, zonedInstant } from './zoned-time.ts';

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  rsvpDeadline: Date | null;
}

/**
 * The dates of every occurrence: the same wall-clock time in the organiser's zone each week or month,
 * so a series keeps its 10:00 across a DST change. Duration and deadline keep their distance to the start.
 */
export function occurrences(event: NewEvent): Occurrence[] {
  const duration = event.endsAt.getTime() - event.startsAt.getTime();
  const deadlineLead = event.rsvpDeadline ? event.startsAt.getTime() - event.rsvpDeadline.getTime() : null;
  const out: Occurrence[] = [];
  for (let i = 0; i < event.repeatCount; i++) {
    const wall = event.repeat === 'weekly' ? shiftWallClock(event.startWall, { weeks: i }) : shiftWallClock(event.startWall, { months: event.repeat === 'monthly' ? i : 0 });
    const startsAt = i === 0 ? event.startsAt : zonedInstant(wall, event.timeZone);
    out.push({
      startsAt,
      endsAt: new Date(startsAt.getTime() + duration),
      rsvpDeadline: deadlineLead === null ? null : new Date(startsAt.getTime() - deadlineLead),
    });
  }
  return out;
}

export const SEARCH_TYPE = 'event';
export const STARTS_FACET = 'event_starts_at';

/** An occurrence as a search document: found by its title, place and description, filtered by its date. */
function searchDocument(row: EventRow, input: { threadId: number; createdById: number; title: string; description: string }) {
  return {
    type: SEARCH_TYPE,
    id: row.id,
    title: input.title,
    body: [row.venue, row.onlineUrl, input.description].filter(Boolean).join('\n'),
    url: paths.anchor(input.threadId, row.id),
    createdAt: row.createdAt,
    threadId: input.threadId,
    authorId: input.createdById,
    facets: { [STARTS_FACET]: row.startsAt },
  };
}

/** Stores an event (or a series of occurrences) for a thread, its organisers, and schedules the reminders. */
export async function createEvent(
  api: EventsApi,
  input: { threadId: number; categoryId: number; createdById: number; event: NewEvent; organiserIds: readonly number[]; title: string; description: string },
): Promise<number[]> {
  const { event } = input;
  const created = await api.db.transaction(async (tx) => {
    const [series] =
      event.repeat === 'none'
        ? [null]
        : await tx.insert(eventsSeries).values({ threadId: input.threadId, frequency: event.repeat, occurrences: event.repeatCount }).returning();
    const rows = await tx
      .insert(eventsEvents)
      .values(
        occurrences(event).map((o, i) => ({
          threadId: input.threadId,
          categoryId: input.categoryId,
          seriesId: series?.id ?? null,
          occurrence: i + 1,
          createdById: input.createdById,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          rsvpDeadline: o.rsvpDeadline,
          timeZone: event.timeZone,
          onlineUrl: event.onlineUrl,
          venue: event.venue,
          capacity: event.capacity,
        })),
      )
      .returning();
    await addOrganisers(
      tx,
      rows.map((r) => r.id),
      input.organiserIds.filter((id) => id !== input.createdById),
    );
    await api.search.index(rows.map((row) => searchDocument(row, input)), { tx });
    return rows;
  });
  const settings = await api.settings(input.categoryId);
  for (const row of created) await scheduleReminder(api, row, settings.reminderHours);
  return created.map((r) => r.id);
}
