import { definePlugin, type PluginApi } from '../../core/plugins/api.ts';
import { createTestForum } from '../helpers/app.ts';

let captured: PluginApi<unknown> | undefined;

/** A plugin that counts visits in a shared store: what it reads is the same for every viewer. */
const counter = definePlugin({
  id: 'counter',
  version: '1.0.0',
  coreApi: '^1.3.0',
  scope: 'global',
  setup(api) {
    captured = api as PluginApi<unknown>;
    let loads = 0;
    const store = api.sharedReads<number>('loads');
    api.routes.get('/count', async (c) => c.text(String(await store.get('all', async () => ++loads))));
    api.routes.post('/touch', (c) => c.text('written'));
  },
});

describe('plugin API: sharedReads', () => {
  it('keeps a read for every viewer until a write, and the same name is the same store', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' }, plugins: [counter] });
    const guest = forum.client();
    const { client: member } = await forum.member();
    expect(await (await guest.get('/plugins/counter/count')).text()).toBe('1');
    expect(await (await member.get('/plugins/counter/count')).text()).toBe('1');
    expect(captured!.sharedReads<number>('loads').size).toBe(1);

    expect((await member.post('/plugins/counter/touch', {})).status).toBe(200);
    expect(captured!.sharedReads<number>('loads').size).toBe(0);
    expect(await (await guest.get('/plugins/counter/count')).text()).toBe('2');
  });

  it('keeps nothing when the caches are off', async () => {
    const forum = await createTestForum({ plugins: [counter] });
    const guest = forum.client();
    expect(await (await guest.get('/plugins/counter/count')).text()).toBe('1');
    expect(await (await guest.get('/plugins/counter/count')).text()).toBe('2');
  });
});
