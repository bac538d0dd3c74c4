/** Calendar days in the forum's time zone, as yyyy-mm-dd strings (what the `date` columns hold). */
const formats = new Map<string, Intl.DateTimeFormat>();

// checking a zone builds an Intl.DateTimeFormat: remembered per name (a bounded set: IANA names, and what members typed)
const checkedZones = new Map<string, string>();

export function validZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  let zone = checkedZones.get(timeZone);
  if (zone === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      zone = timeZone;
    } catch {
      zone = 'UTC';
    }
    if (checkedZones.size >= 1000) checkedZones.clear();
    checkedZones.set(timeZone, zone);
  }
  return zone;
}

/** The calendar day at an instant in a zone (UTC when the zone is unknown). */
export function localDay(at: Date, timeZone: string): string {
  const zone = validZone(timeZone);
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The day `delta` days from a yyyy-mm-dd day. */
export function addDays(day: string, delta: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/** Monday of the ISO week a day is in. */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
