import { describe, expect, it } from 'vitest';
import { change, rangeQuery, resolvePeriod } from '../../core/analytics/ranges.ts';
import { csvCell, toCsv } from '../../core/analytics/service/csv.ts';
import { addDays, dayOf, dayStart, weekStart } from '../../core/analytics/time.ts';

describe('days in the forum time zone', () => {
  it('finds the day an instant falls on', () => {
    const instant = new Date('2026-03-02T17:00:00Z');
    expect(dayOf(instant, 'UTC')).toBe('2026-03-02');
    expect(dayOf(instant, 'Asia/Shanghai')).toBe('2026-03-03');
    expect(dayOf(instant, 'America/Los_Angeles')).toBe('2026-03-02');
    expect(dayOf(new Date('2026-03-02T09:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-02');
    expect(dayOf(new Date('2026-03-02T10:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-03');
  });

  it('knows when a day begins, across daylight-saving changes', () => {
    expect(dayStart('2026-03-03', 'Asia/Shanghai').toISOString()).toBe('2026-03-02T16:00:00.000Z');
    // New York springs forward on 8 March 2026: that day is 23 hours long
    expect(dayStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(dayStart('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // and falls back on 1 November: 25 hours
    expect(dayStart('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(dayStart('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(dayStart('2026-10-26', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts weeks from Monday and days across months and years', () => {
    expect(weekStart('2026-03-08')).toBe('2026-03-02'); // a Sunday
    expect(weekStart('2026-03-09')).toBe('2026-03-09');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('date ranges', () => {
  const period = (raw: Record<string, string>, today: string) => resolvePeriod(rangeQuery.parse(raw), today);

  it('resolves the presets and the period they are compared with', () => {
    expect(period({ range: '7d' }, '2026-03-10')).toEqual({ current: { from: '2026-03-04', to: '2026-03-10' }, previous: { from: '2026-02-25', to: '2026-03-03' } });
    expect(period({}, '2026-03-10').current).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(period({ range: 'this-month' }, '2026-03-10')).toEqual({ current: { from: '2026-03-01', to: '2026-03-10' }, previous: { from: '2026-02-01', to: '2026-02-28' } });
    expect(period({ range: 'last-month' }, '2026-03-10')).toEqual({ current: { from: '2026-02-01', to: '2026-02-28' }, previous: { from: '2026-01-01', to: '2026-01-31' } });
    expect(period({ range: 'quarter' }, '2026-05-20')).toEqual({ current: { from: '2026-04-01', to: '2026-05-20' }, previous: { from: '2026-02-10', to: '2026-03-31' } });
    expect(period({ range: 'custom', from: '2026-01-05', to: '2026-01-11' }, '2026-03-10').previous).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  });

  it('reads the form: an empty category means all', () => {
    expect(rangeQuery.parse({ range: 'custom', from: '2026-01-05', to: '2026-01-11', category: '' })).toEqual({ range: 'custom', from: '2026-01-05', to: '2026-01-11' });
    expect(rangeQuery.parse({ category: '4' }).category).toBe(4);
  });

  it('refuses impossible custom ranges', () => {
    for (const bad of [
      { range: 'custom' },
      { range: 'custom', from: '2026-03-10', to: '2026-03-01' },
      { range: 'custom', from: '2026-02-30', to: '2026-03-01' },
      { range: 'custom', from: '2024-01-01', to: '2026-01-01' },
      { range: 'forever' },
      { category: '-3' },
    ]) {
      expect(rangeQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('computes period-over-period change', () => {
    expect(change(5, 4)).toBe(25);
    expect(change(2, 3)).toBeCloseTo(-33.333);
    expect(change(1, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });
});

describe('CSV cells', () => {
  it('quotes and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a'], [['中文']])).toBe('\uFEFFa\r\n中文\r\n');
  });
});
