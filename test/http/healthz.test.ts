import { createTestForum } from '../helpers/app.ts';

describe('/healthz', () => {
  it('reports the database as up', async () => {
    const forum = await createTestForum();
    const res = await forum.client().get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { db: 'up', mail: 'outbox' } });
  });

  it('answers 503 when the database cannot be reached', async () => {
    const forum = await createTestForum();
    const broken = { ...forum.deps, database: { ...forum.deps.database, ping: () => Promise.reject(new Error('down')) } };
    const { createApp } = await import('../../core/http/app.ts');
    const res = await createApp(broken).request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { db: 'down' } });
  });
});
