import type { EventRow } from '../schema.ts';

const options: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/** "Sun, Mar 8, 2026, 10:00 – 12:00 EDT" in the reader's language and time zone. */
export function formatRange(event: Pick<EventRow, 'startsAt' | 'endsAt'>, where: { locale: string; timeZone: string }): string {
  const format = new Intl.DateTimeFormat(where.locale, { ...options, timeZone: where.timeZone });
  return event.endsAt.getTime() === event.startsAt.getTime() ? format.format(event.startsAt) : format.formatRange(event.startsAt, event.endsAt);
}

/** A single instant, e.g. the RSVP deadline. */
export function formatInstant(date: Date, where: { locale: string; timeZone: string }): string {
  return new Intl.DateTimeFormat(where.locale, { ...options, timeZone: where.timeZone }).format(date);
}

/** The time of day only, for calendar cells. */
export function formatTime(date: Date, where: { locale: string; timeZone: string }): string {
  return new Intl.DateTimeFormat(where.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: where.timeZone }).format(date);
}
