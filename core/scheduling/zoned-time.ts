/** The offset (ms) of a time zone from UTC at an instant. */
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

const localShape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` value ("2026-05-01T09:30") read as wall-clock time in a time zone. Returns null for a
 * malformed value. In a DST gap the time moves forward, as clocks do.
 */
export function zonedLocalToDate(value: string, timeZone: string): Date | null {
  const m = localShape.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null;
  let guess = wall - offsetAt(wall, timeZone);
  // a second pass settles the offset when the first guess crossed a DST change
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** The `datetime-local` value of an instant in a time zone, for form fields. */
export function dateToZonedLocal(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
