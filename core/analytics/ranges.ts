import { z } from 'zod';
import { addDays, addMonths, dayStart, daysBetween, eachDay, monthStart } from './time.ts';
import type { AnalyticsRange } from './plugin-types.ts';

export const presets = ['7d', '30d', '90d', 'this-month', 'last-month', 'quarter'] as const;
export type Preset = (typeof presets)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));

/** The dashboard's query string: a preset, or a custom from/to (at most 366 days), and a category. */
export const rangeQuery = z
  .object({
    range: z.enum([...presets, 'custom']).default('30d'),
    from: isoDay.optional(),
    to: isoDay.optional(),
    // the form's "all categories" option submits an empty value
    category: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  })
  .refine((q) => q.range !== 'custom' || (q.from && q.to && q.from <= q.to && daysBetween(q.from, q.to) < 366), {
    message: 'analytics.error.range',
    path: ['from'],
  });
export type RangeQuery = z.infer<typeof rangeQuery>;

export interface Period {
  from: string;
  to: string;
}

/** The period a preset covers on `today` (the forum's today), and the period it is compared with. */
export function resolvePeriod(query: RangeQuery, today: string): { current: Period; previous: Period } {
  const current = currentPeriod(query, today);
  if (query.range === 'this-month' || query.range === 'last-month') {
    // calendar months compare with the whole month before
    const from = addMonths(current.from, -1);
    return { current, previous: { from, to: addDays(current.from, -1) } };
  }
  const length = daysBetween(current.from, current.to) + 1;
  return { current, previous: { from: addDays(current.from, -length), to: addDays(current.from, -1) } };
}

function currentPeriod(query: RangeQuery, today: string): Period {
  switch (query.range) {
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '30d':
      return { from: addDays(today, -29), to: today };
    case '90d':
      return { from: addDays(today, -89), to: today };
    case 'this-month':
      return { from: monthStart(today), to: today };
    case 'last-month': {
      const thisMonth = monthStart(today);
      return { from: addMonths(thisMonth, -1), to: addDays(thisMonth, -1) };
    }
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const quarterMonth = String(month - ((month - 1) % 3)).padStart(2, '0');
      return { from: `${today.slice(0, 4)}-${quarterMonth}-01`, to: today };
    }
    case 'custom':
      return { from: query.from!, to: query.to! };
  }
}

export function toRange(period: Period, timeZone: string, categoryId: number | null): AnalyticsRange {
  return {
    from: period.from,
    to: period.to,
    start: dayStart(period.from, timeZone),
    end: dayStart(addDays(period.to, 1), timeZone),
    timeZone,
    days: eachDay(period.from, period.to),
    categoryId,
  };
}

/** Period-over-period change in percent; null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}
