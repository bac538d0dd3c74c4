import { describe, expect, it } from 'vitest';
import { definePlugin, type AnalyticsRange } from '../../core/plugins/api.ts';
import { pollsPolls, pollsResponses } from '../../plugins/polls/schema.ts';
import polls from '../../plugins/polls/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { seedHistory } from './seed.ts';

const asked: AnalyticsRange[] = [];

const counter = definePlugin({
  id: 'counter',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'global',
  locales: { en: { 'counter.title': 'Counter', 'counter.ticks': 'Ticks', 'counter.rate': 'Tick rate', 'counter.broken': 'Broken' }, 'zh-CN': { 'counter.title': '计数', 'counter.ticks': '次数', 'counter.rate': '比率', 'counter.broken': '坏了' } },
  setup(api) {
    api.analytics.metric({
      key: 'ticks',
      labelKey: 'counter.ticks',
      async total(range) {
        asked.push(range);
        return range.days.length * 10;
      },
      daily: async (range) => range.days.map((day, i) => ({ day, value: i })),
    });
    api.analytics.metric({ key: 'rate', labelKey: 'counter.rate', format: 'percent', total: async () => 0.25 });
    api.analytics.metric({
      key: 'broken',
      labelKey: 'counter.broken',
      total: async () => {
        throw new Error('boom');
      },
    });
    api.analytics.panel({ key: 'main', titleKey: 'counter.title', metrics: ['ticks', 'rate', 'broken'] });
  },
});

const confused = definePlugin({
  id: 'confused',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'global',
  setup(api) {
    api.analytics.panel({ key: 'p', titleKey: 'x', metrics: ['missing'] });
  },
});

describe('api.analytics: plugin panels and metrics', () => {
  it('shows a plugin panel with its figures, comparison and CSV; a failing metric reads —', async () => {
    const forum = await createTestForum({ plugins: [counter, confused] });
    expect(forum.deps.pluginHost.get('confused')?.status).toBe('refused');
    const { client } = await forum.member({ role: 'admin' });
    const html = await (await client.get('/admin/analytics?range=custom&from=2026-03-01&to=2026-03-07')).text();
    expect(html).toContain('>Counter</h2>');
    expect(html).toMatch(/data-metric="counter.ticks"><dt>Ticks<\/dt><dd><span class="analytics-value">70</);
    expect(html).toMatch(/data-metric="counter.rate"><dt>Tick rate<\/dt><dd><span class="analytics-value">25 %</);
    expect(html).toMatch(/data-metric="counter.broken"><dt>Broken<\/dt><dd><span class="analytics-value">—</);
    const current = asked.find((r) => r.from === '2026-03-01')!;
    expect(current).toMatchObject({ to: '2026-03-07', timeZone: 'UTC', categoryId: null });
    expect(current.start.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(current.end.toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(asked.some((r) => r.from === '2026-02-22' && r.to === '2026-02-28')).toBe(true); // the previous period

    const csv = await client.get('/admin/analytics/export/counter.main.csv?range=custom&from=2026-03-01&to=2026-03-03');
    expect(csv.status).toBe(200);
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')).toEqual(['Day,Ticks', '2026-03-01,0', '2026-03-02,1', '2026-03-03,2', '']);

    await forum.deps.pluginHost.state.setEnabled('counter', false);
    expect(await (await client.get('/admin/analytics')).text()).not.toContain('>Counter</h2>');
    expect((await client.get('/admin/analytics/export/counter.main.csv')).status).toBe(404);
  });

  it('polls registers participation figures, per category', async () => {
    const forum = await createTestForum({ plugins: [polls] });
    const seeded = await seedHistory(forum);
    await forum.deps.pluginHost.state.setCategory('polls', seeded.catA.id, true);
    const db = forum.deps.db;
    const at = (iso: string) => new Date(iso);
    const [poll] = await db.insert(pollsPolls).values({ threadId: seeded.t1.id, kind: 'poll', title: 'Lunch?', createdAt: at('2026-03-02T03:00:00Z') }).returning();
    const [other] = await db.insert(pollsPolls).values({ threadId: seeded.t2.id, kind: 'poll', title: 'Dinner?', createdAt: at('2026-03-05T03:00:00Z') }).returning();
    await db.insert(pollsResponses).values([
      { pollId: poll!.id, userId: seeded.u1.id, createdAt: at('2026-03-02T04:00:00Z') },
      { pollId: poll!.id, userId: seeded.u2.id, createdAt: at('2026-03-03T04:00:00Z') },
      { pollId: other!.id, userId: seeded.u2.id, createdAt: at('2026-03-05T04:00:00Z') },
    ]);
    const { client } = await forum.member({ role: 'admin' });
    const html = await (await client.get('/admin/analytics?range=custom&from=2026-03-02&to=2026-03-08')).text();
    const figure = (key: string) => html.match(new RegExp(`data-metric="polls.${key}"><dt>[^<]*</dt><dd><span class="analytics-value">([^<]*)<`))?.[1];
    expect([figure('created'), figure('responses'), figure('voters'), figure('perPoll')]).toEqual(['2', '3', '2', '1.5']);
    const narrowed = await (await client.get(`/admin/analytics?range=custom&from=2026-03-02&to=2026-03-08&category=${seeded.catA.id}`)).text();
    expect(narrowed.match(/data-metric="polls.responses"><dt>[^<]*<\/dt><dd><span class="analytics-value">([^<]*)</)?.[1]).toBe('2');
    const csv = (await (await client.get('/admin/analytics/export/polls.participation.csv?range=custom&from=2026-03-02&to=2026-03-03')).text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual(['Day,Polls started,Responses', '2026-03-02,1,1', '2026-03-03,0,1', '']);
  });
});
