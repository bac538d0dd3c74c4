import { isValidTimeZone } from '../i18n/index.ts';
import type { DigestFrequency } from './schema.ts';

export interface LocalTime {
  /** yyyy-mm-dd in the zone. */
  date: string;
  hour: number;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  /** ISO 8601 week, e.g. 2026-W48. */
  isoWeek: string;
  /** yyyy-mm. */
  month: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and hour at `at` in a time zone (UTC when the zone is unknown). */
export function localTime(at: Date, timeZone: string): LocalTime {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = Object.fromEntries(formatFor(zone).formatToParts(at).map((p) => [p.type, p.value]));
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const day = new Date(Date.UTC(y, m - 1, d));
  const isoWeekday = ((day.getUTCDay() + 6) % 7) + 1;
  // the ISO week belongs to the year of its Thursday
  const thursday = new Date(day.getTime() + (4 - isoWeekday) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    isoWeekday,
    isoWeek: `${isoYear}-W${String(week).padStart(2, '0')}`,
    month: `${parts.year}-${parts.month}`,
  };
}

export type DigestSchedule = 'daily' | 'weekly';

/** 'daily:2026-11-23' or 'weekly:2026-W48', in the member's zone. */
export function periodKey(frequency: DigestSchedule, at: Date, timeZone: string): string {
  const local = localTime(at, timeZone);
  return frequency === 'daily' ? `daily:${local.date}` : `weekly:${local.isoWeek}`;
}

export const periodMs: Record<DigestSchedule, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

/** The furthest-ahead zone on Earth: no member's current period key can be later than this one's. */
export const AHEAD_ZONE = 'Etc/GMT-14';

export interface DigestTiming {
  digest: DigestFrequency;
  digestHour: number;
  lastDigestPeriod: string | null;
}

/**
 * The period whose digest is due now, or null. Daily: from the chosen hour on. Weekly: from Monday's
 * chosen hour until Sunday night (so a missed Monday still gets its digest). A period already handled,
 * or one earlier than the last handled (the member moved to a zone further behind), is never due.
 */
export function duePeriod(timing: DigestTiming, at: Date, timeZone: string): string | null {
  if (timing.digest === 'none') return null;
  const local = localTime(at, timeZone);
  const key = timing.digest === 'daily' ? `daily:${local.date}` : `weekly:${local.isoWeek}`;
  const last = timing.lastDigestPeriod;
  if (last && last.split(':')[0] === timing.digest && last >= key) return null;
  const started = timing.digest === 'daily' || local.isoWeekday === 1 ? local.hour >= timing.digestHour : true;
  return started ? key : null;
}
