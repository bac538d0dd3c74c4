import ical, { ICalCalendarMethod } from 'ical-generator';
import type { EventRow } from '../schema.ts';
import { paths } from '../paths.ts';

export interface IcalEvent {
  event: EventRow;
  title: string;
  threadId: number;
}

/**
 * An iCalendar (RFC 5545) document. Times are written in UTC, which every calendar application reads
 * and shows in its own zone; UIDs are stable so a subscribed feed updates events instead of duplicating them.
 */
export function buildCalendar(input: { origin: string; name: string; events: readonly IcalEvent[]; ttlSeconds?: number }): string {
  const host = new URL(input.origin).host;
  const calendar = ical({
    name: input.name,
    prodId: { company: host, product: 'forum-events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: input.ttlSeconds ?? 3600,
  });
  for (const { event, title, threadId } of input.events) {
    const url = `${input.origin}${paths.anchor(threadId, event.id)}`;
    calendar.createEvent({
      id: `event-${event.id}@${host}`,
      start: event.startsAt,
      end: event.endsAt,
      stamp: event.createdAt,
      summary: title,
      location: event.venue ?? event.onlineUrl ?? null,
      description: [event.onlineUrl, url].filter(Boolean).join('\n'),
      url,
    });
  }
  return calendar.toString();
}
