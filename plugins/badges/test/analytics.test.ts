import { describe, expect, it } from 'vitest';
import { checkIn } from '../service/checkin.ts';
import { checkinStats, streakDistribution } from '../service/checkin-stats.ts';
import { addDays } from '../service/days.ts';
import { badgesForum } from './helpers.ts';

/** Every day from `from` to `to`, inclusive. */
function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

describe('badges analytics: the check-in panel', () => {
  it('counts check-ins, members and current streaks at the end of the period', async () => {
    const { forum, api } = await badgesForum();
    // each member's check-in days (UTC, the forum's zone here), checked in through the service at noon
    const history: Record<string, string[]> = {
      ann: daysFrom('2026-02-20', '2026-03-04'), // 4 in range; streak 13 on 03-04 → 7–29
      bob: daysFrom('2026-02-01', '2026-03-03'), // 3 in range; streak 31 on 03-03, still alive on 03-04 → 30+
      cat: daysFrom('2026-03-02', '2026-03-04'), // 3 in range; streak 3 → 2–6
      dan: ['2026-03-02'], // 1 in range; broken by the end → no bucket
      eve: ['2026-03-04'], // 1 in range; streak 1
      fay: ['2026-02-27', '2026-02-28', '2026-03-05'], // none in range; broken at the end (03-05 is after it)
      gus: ['2026-03-03', '2026-03-04'], // 2 in range; streak 2 → 2–6
    };
    for (const [username, days] of Object.entries(history)) {
      const { user } = await forum.member({ username });
      for (const day of days) expect((await checkIn(api, user.id, new Date(`${day}T12:00:00Z`), 'UTC')).status).toBe('checked-in');
    }

    // the queries themselves (what the metrics read)
    expect(await checkinStats(api.db, { from: '2026-03-01', to: '2026-03-04' })).toEqual({ checkins: 14, members: 6 });
    expect(await streakDistribution(api.db, { to: '2026-03-04' })).toEqual({ one: 1, twoToSix: 2, sevenToTwentyNine: 1, thirtyPlus: 1 });

    const { client } = await forum.member({ role: 'admin' });
    const html = await (await client.get('/admin/analytics?range=custom&from=2026-03-01&to=2026-03-04')).text();
    expect(html).toContain('>Daily check-ins</h2>');
    const figure = (key: string) => html.match(new RegExp(`data-metric="badges.${key}"><dt>([^<]*)</dt><dd><span class="analytics-value">([^<]*)<`))?.slice(1);
    // 4 + 3 + 3 + 1 + 1 + 2 = 14 check-ins over 4 days by 6 members
    expect(figure('checkins')).toEqual(['Check-ins', '14']);
    expect(figure('checkinsPerDay')).toEqual(['Check-ins per day', '3.5']);
    expect(figure('members')).toEqual(['Members who checked in', '6']);
    expect(figure('streak1')?.[1]).toBe('1'); // eve
    expect(figure('streak2to6')?.[1]).toBe('2'); // cat, gus
    expect(figure('streak7to29')?.[1]).toBe('1'); // ann
    expect(figure('streak30plus')?.[1]).toBe('1'); // bob

    // the chart's data: check-ins per day
    const csv = (await (await client.get('/admin/analytics/export/badges.checkins.csv?range=custom&from=2026-03-01&to=2026-03-05')).text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual(['Day,Check-ins', '2026-03-01,2', '2026-03-02,4', '2026-03-03,4', '2026-03-04,4', '2026-03-05,1', '']);

    // a period of 03-05 alone: fay's check-in; bob's streak is broken by then, fay's new one counts as 1 beside eve's
    const later = await (await client.get('/admin/analytics?range=custom&from=2026-03-05&to=2026-03-05')).text();
    const laterFigure = (key: string) => later.match(new RegExp(`data-metric="badges.${key}"><dt>[^<]*</dt><dd><span class="analytics-value">([^<]*)<`))?.[1];
    expect(['checkins', 'members', 'streak1', 'streak2to6', 'streak7to29', 'streak30plus'].map(laterFigure)).toEqual(['1', '1', '2', '2', '1', '0']);
  });
});
