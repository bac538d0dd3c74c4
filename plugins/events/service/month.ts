import { localDay, zonedInstant } from './zoned-time.ts';

export interface MonthGrid {
  month: string;
  previous: string;
  next: string;
  start: Date;
  end: Date;
  /** Weeks from Monday, each seven yyyy-mm-dd days (null outside the month). */
  weeks: (string | null)[][];
}

const monthPattern = /^(\d{4})-(\d{2})$/;

/** The month (yyyy-mm) asked for, or the current one in the zone. */
export function monthOrCurrent(value: string | undefined, timeZone: string, now = new Date()): string {
  const m = value ? monthPattern.exec(value) : null;
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1970 && Number(m[1]) <= 9999) return value!;
  return localDay(now, timeZone).slice(0, 7);
}

/** The instants a month begins and ends in a zone, and its days laid out in weeks. */
export function monthGrid(month: string, timeZone: string): MonthGrid {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? { year: year + 1, month: 1 } : { year, month: mon + 1 };
  const prev = mon === 1 ? { year: year - 1, month: 12 } : { year, month: mon - 1 };
  const fmt = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, mon - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = [...Array<null>(firstWeekday).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${fmt(year, mon)}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return {
    month,
    previous: fmt(prev.year, prev.month),
    next: fmt(next.year, next.month),
    start: zonedInstant({ year, month: mon, day: 1, hour: 0, minute: 0 }, timeZone),
    end: zonedInstant({ year: next.year, month: next.month, day: 1, hour: 0, minute: 0 }, timeZone),
    weeks,
  };
}
