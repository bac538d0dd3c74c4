/**
 * `<input type="datetime-local">` sends a wall-clock time without a zone. It is read in the organiser's
 * time zone and stored as an instant (UTC); pages show instants in the viewer's zone.
 */
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function validTimeZone(tz: string | null | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function parseWallClock(value: string): WallClock | null {
  const m = localPattern.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a DST change (02:30 on the spring-forward
 * night) is read with the offset before the change, so it moves forward by the gap; a repeated one (autumn)
 * is read as its first occurrence.
 */
export function zonedInstant(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  const names = (instant: number) => instant + offsetAt(instant, timeZone) === asUtc;
  const candidates = [asUtc - before, asUtc - after].filter(names).sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}

/** The instant a datetime-local value names in a zone; null when it is not a valid date-time. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const wall = parseWallClock(value);
  return wall ? zonedInstant(wall, timeZone) : null;
}

/** The value a datetime-local input shows for an instant in a zone. */
export function toLocalInput(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** The calendar day (yyyy-mm-dd) of an instant in a zone. */
export function localDay(date: Date, timeZone: string): string {
  return toLocalInput(date, timeZone).slice(0, 10);
}

/** The same wall-clock time `weeks` weeks or `months` months later (a day past the month's end becomes its last day). */
export function shiftWallClock(wall: WallClock, by: { weeks?: number; months?: number }): WallClock {
  if (by.weeks) {
    const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 7 * by.weeks));
    return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const index = wall.year * 12 + (wall.month - 1) + (by.months ?? 0);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...wall, year, month, day: Math.min(wall.day, lastDay) };
}
