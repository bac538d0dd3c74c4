import { beforeAll, describe, expect, it } from 'vitest';
import { rollupRange } from '../../core/analytics/service/rollup.ts';
import { createTestForum, type TestClient, type TestForum } from '../helpers/app.ts';
import { seedHistory, ZONE } from './seed.ts';

describe('/admin/analytics', () => {
  let forum: TestForum;
  let admin: TestClient;

  beforeAll(async () => {
    forum = await createTestForum();
    await seedHistory(forum);
    await rollupRange(forum.deps.database, '2026-03-01', '2026-03-16', ZONE);
    admin = (await forum.member({ role: 'admin', username: 'chief' })).client;
  });

  it('is for admins only', async () => {
    expect((await forum.client().get('/admin/analytics')).status).toBe(302);
    const { client } = await forum.member();
    expect((await client.get('/admin/analytics')).status).toBe(403);
    expect((await client.get('/admin/analytics/export/growth.csv')).status).toBe(403);
  });

  it('shows every panel, the comparison and today as partial', async () => {
    const res = await admin.get('/admin/analytics');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const title of ['Growth', 'Activity', 'Retention', 'Content', 'Member segments']) expect(html).toContain(`>${title}</h2>`);
    expect(html).toContain('data-partial="true"');
    expect(html).toContain('href="/admin/analytics"'); // the admin navigation link
    expect(html).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="chart-growth-title chart-growth-desc"/);
    expect(html).toContain('Asia/Shanghai');
  });

  it('reads a custom range from the roll-ups, with period-over-period change', async () => {
    const html = await (await admin.get('/admin/analytics?range=custom&from=2026-03-09&to=2026-03-15')).text();
    expect(html).toContain('2026-03-09 – 2026-03-15, compared with 2026-03-02 – 2026-03-08');
    expect(html).not.toContain('data-partial');
    // churn 1 of 4; posts 5 vs 4 → up 25 %
    expect(html).toMatch(/data-metric="churn"[\s\S]*?25 %/);
    expect(html).toMatch(/data-metric="posts"[\s\S]*?analytics-up[\s\S]*?25 %/);
    expect(html).toContain('Second thread');
  });

  it('refuses a bad range with a message, not an error page', async () => {
    const res = await admin.get('/admin/analytics?range=custom&from=2026-03-15&to=2026-03-01');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose a start and an end date');
    expect((await admin.get('/admin/analytics/export/growth.csv?range=custom&from=nonsense')).status).toBe(400);
    expect((await admin.get('/admin/analytics/export/nothing.csv')).status).toBe(404);
  });

  it('speaks Chinese', async () => {
    admin.headers['accept-language'] = 'zh-CN';
    const html = await (await admin.get('/admin/analytics?range=7d')).text();
    delete admin.headers['accept-language'];
    expect(html).toContain('数据分析');
    expect(html).toContain('成员分层');
  });

  it('exports CSV that spreadsheets cannot turn into formulas', async () => {
    const res = await admin.get('/admin/analytics/export/content.csv?range=custom&from=2026-03-02&to=2026-03-08');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('analytics-content-2026-03-02-2026-03-08.csv');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      'Category,Posts,Threads,Replies,Likes,Featured',
      'News,3,1,2,1,1',
      `"'=HYPERLINK(""http://x"")",1,1,0,0,0`,
      '',
    ]);
    const growth = (await (await admin.get('/admin/analytics/export/growth.csv?range=custom&from=2026-03-02&to=2026-03-04')).text()).replace(/^\uFEFF/, '');
    expect(growth.split('\r\n').slice(0, 4)).toEqual([
      'Day,New members,Invited,Direct,Total members',
      '2026-03-02,1,0,1,2',
      '2026-03-03,1,0,1,3',
      '2026-03-04,1,1,0,4',
    ]);
    const retention = (await (await admin.get('/admin/analytics/export/retention.csv?range=custom&from=2026-03-02&to=2026-03-08')).text()).replace(/^\uFEFF/, '');
    expect(retention.split('\r\n')[1]).toBe('2026-03-02,3,66.7,0,,,,,,');
  });
});
