import { ValidationError, type FieldErrors } from '../../../core/plugins/api.ts';
import type { RepeatKind } from '../schema.ts';
import { parseWallClock, validTimeZone, zonedInstant, type WallClock } from '../service/zoned-time.ts';

/** A submitted form as routes and hook contexts hand it over: repeated fields arrive as arrays. */
export type FormInput = Readonly<Record<string, string | string[] | undefined>>;

export function text(form: FormInput, name: string): string {
  const value = form[name];
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
}

/** The event fields, named as the composer and the edit form send them. */
export const fields = {
  timeZone: 'events_tz',
  starts: 'events_starts',
  ends: 'events_ends',
  onlineUrl: 'events_online_url',
  venue: 'events_venue',
  capacity: 'events_capacity',
  deadline: 'events_rsvp_deadline',
  repeat: 'events_repeat',
  repeatCount: 'events_repeat_count',
  organisers: 'events_organisers',
} as const;

/** A thread becomes an event when its composer sends a start time. */
export function hasEventFields(form: FormInput): boolean {
  return text(form, fields.starts) !== '';
}

export interface NewEvent {
  timeZone: string;
  /** As entered, for repeating occurrences at the same local time. */
  startWall: WallClock;
  startsAt: Date;
  endsAt: Date;
  onlineUrl: string | null;
  venue: string | null;
  capacity: number | null;
  rsvpDeadline: Date | null;
  repeat: RepeatKind;
  repeatCount: number;
  organiserNames: string[];
}

const MAX_VENUE = 300;
const MAX_URL = 500;
const MAX_CAPACITY = 100_000;
const MAX_ORGANISERS = 10;

function onlineUrl(value: string): string | null | false {
  if (!value) return null;
  if (value.length > MAX_URL) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : false;
  } catch {
    return false;
  }
}

/** Reads and checks the event fields; every problem is an i18n key on its field. */
export function parseEventForm(form: FormInput, options: { defaultTimeZone: string; maxOccurrences: number; now: Date }): NewEvent {
  const errors: FieldErrors = {};
  const timeZone = validTimeZone(text(form, fields.timeZone) || options.defaultTimeZone);
  const startWall = parseWallClock(text(form, fields.starts));
  const endWall = parseWallClock(text(form, fields.ends));
  const startsAt = startWall ? zonedInstant(startWall, timeZone) : null;
  const endsAt = endWall ? zonedInstant(endWall, timeZone) : null;
  if (!startsAt) errors[fields.starts] = 'events.error.starts';
  else if (startsAt <= options.now) errors[fields.starts] = 'events.error.past';
  if (!endsAt) errors[fields.ends] = 'events.error.ends';
  else if (startsAt && endsAt < startsAt) errors[fields.ends] = 'events.error.endsBeforeStart';

  const url = onlineUrl(text(form, fields.onlineUrl));
  if (url === false) errors[fields.onlineUrl] = 'events.error.onlineUrl';
  const venue = text(form, fields.venue);
  if (venue.length > MAX_VENUE) errors[fields.venue] = 'events.error.venue';
  if (!url && !venue && url !== false && !errors[fields.venue]) errors[fields.venue] = 'events.error.place';

  const capacityText = text(form, fields.capacity);
  const capacity = capacityText === '' ? null : Number(capacityText);
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)) errors[fields.capacity] = 'events.error.capacity';

  const deadlineText = text(form, fields.deadline);
  const deadlineWall = deadlineText ? parseWallClock(deadlineText) : null;
  const rsvpDeadline = deadlineWall ? zonedInstant(deadlineWall, timeZone) : null;
  if (deadlineText && !rsvpDeadline) errors[fields.deadline] = 'events.error.deadline';
  else if (rsvpDeadline && startsAt && rsvpDeadline > startsAt) errors[fields.deadline] = 'events.error.deadlineAfterStart';

  const repeatText = text(form, fields.repeat) || 'none';
  const repeat = (['none', 'weekly', 'monthly'] as const).find((kind) => kind === repeatText);
  if (!repeat) errors[fields.repeat] = 'events.error.repeat';
  const countText = text(form, fields.repeatCount);
  const repeatCount = repeat && repeat !== 'none' ? Number(countText || '0') : 1;
  if (repeat && repeat !== 'none' && (!Number.isInteger(repeatCount) || repeatCount < 2 || repeatCount > options.maxOccurrences)) {
    errors[fields.repeatCount] = 'events.error.repeatCount';
  }

  const organiserNames = [...new Set(text(form, fields.organisers).split(/[\s,，、]+/).map((n) => n.replace(/^@/, '')).filter(Boolean))];
  if (organiserNames.length > MAX_ORGANISERS) errors[fields.organisers] = 'events.error.tooManyOrganisers';

  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    timeZone,
    startWall: startWall!,
    startsAt: startsAt!,
    endsAt: endsAt!,
    onlineUrl: url || null,
    venue: venue || null,
    capacity,
    rsvpDeadline,
    repeat: repeat!,
    repeatCount,
    organiserNames,
  };
}
