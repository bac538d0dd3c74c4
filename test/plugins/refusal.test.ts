import { pgTable, integer } from 'drizzle-orm/pg-core';
import { definePlugin, type PluginDefinition } from '../../core/plugins/api.ts';
import { z } from 'zod';
import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';

const base = { version: '1.0.0', coreApi: '^1.0.0', scope: 'global' as const, setup() {} };

async function statusOf(plugins: PluginDefinition[], id: string) {
  const forum = await createTestForum({ plugins });
  const loaded = forum.deps.pluginHost.get(id);
  return { forum, status: loaded?.status, code: loaded?.error?.code, message: loaded?.error?.message };
}

describe('load-time checks with coded errors (the forum still starts)', () => {
  it('refuses an incompatible core API version', async () => {
    const { forum, status, code, message } = await statusOf([definePlugin({ ...base, id: 'future', coreApi: '^2.0.0' })], 'future');
    expect(status).toBe('refused');
    expect(code).toBe('PLUGIN_CORE_VERSION_MISMATCH');
    expect(message).toContain('^2.0.0');
    expect((await forum.client().get('/healthz')).status).toBe(200);
  });

  it('refuses a missing or too-old dependency', async () => {
    expect((await statusOf([definePlugin({ ...base, id: 'needy', dependencies: { absent: '^1.0.0' } })], 'needy')).code).toBe('PLUGIN_MISSING_DEPENDENCY');
    const old = definePlugin({ ...base, id: 'old', version: '0.9.0' });
    const needsNew = definePlugin({ ...base, id: 'needs-new', dependencies: { old: '^1.0.0' } });
    expect((await statusOf([needsNew, old], 'needs-new')).code).toBe('PLUGIN_MISSING_DEPENDENCY');
  });

  it('loads dependencies first whatever the order', async () => {
    const dep = definePlugin({ ...base, id: 'dep' });
    const user = definePlugin({ ...base, id: 'user-of-dep', dependencies: { dep: '^1.0.0' } });
    expect((await statusOf([user, dep], 'user-of-dep')).status).toBe('active');
  });

  it('refuses a dependency cycle', async () => {
    const a = definePlugin({ ...base, id: 'cyc-a', dependencies: { 'cyc-b': '*' } });
    const b = definePlugin({ ...base, id: 'cyc-b', dependencies: { 'cyc-a': '*' } });
    expect((await statusOf([a, b], 'cyc-a')).code).toMatch(/PLUGIN_(DEPENDENCY_CYCLE|MISSING_DEPENDENCY)/);
  });

  it('refuses duplicate routes and duplicate slot keys', async () => {
    const routes = definePlugin({
      ...base,
      id: 'dup-routes',
      setup(api) {
        api.routes.get('/x', (c) => c.text('1'));
        api.routes.get('/x', (c) => c.text('2'));
      },
    });
    expect((await statusOf([routes], 'dup-routes')).code).toBe('PLUGIN_DUPLICATE_ROUTE');
    const slotA = definePlugin({ ...base, id: 'slot-a', setup: (api) => api.slot('sidebar', 'shared.key', () => null) });
    const slotB = definePlugin({ ...base, id: 'slot-b', setup: (api) => api.slot('sidebar', 'shared.key', () => null) });
    const result = await statusOf([slotA, slotB], 'slot-b');
    expect(result.code).toBe('PLUGIN_DUPLICATE_SLOT_KEY');
    expect(result.forum.deps.pluginHost.get('slot-a')?.status).toBe('active');
  });

  it('refuses settings whose defaults do not validate, and invalid manifests', async () => {
    const bad = definePlugin({ ...base, id: 'bad-settings', settings: z.object({ required: z.string() }) });
    expect((await statusOf([bad], 'bad-settings')).code).toBe('PLUGIN_INVALID_SETTINGS');
    expect((await statusOf([{ ...base, id: 'Bad Id' } as PluginDefinition], 'Bad Id')).code).toBe('PLUGIN_INVALID_MANIFEST');
  });

  it('refuses tables outside the plugin namespace', async () => {
    const t = pgTable('not_prefixed', { id: integer('id') });
    expect((await statusOf([definePlugin({ ...base, id: 'tables', tables: { t } })], 'tables')).code).toBe('PLUGIN_TABLE_NAMESPACE');
  });

  it('a setup that throws leaves no registrations behind', async () => {
    const broken = definePlugin({
      ...base,
      id: 'broken',
      setup(api) {
        api.filter('post.render', () => ({ html: 'hijacked', raw: '' }));
        throw new Error('boom');
      },
    });
    const { forum, code } = await statusOf([broken, greeter], 'broken');
    expect(code).toBe('PLUGIN_SETUP_FAILED');
    const out = await forum.deps.plugins.hooks.filter('post.render', { html: 'ok', raw: '' }, { user: null });
    expect(out.html).toBe('ok');
  });

  it('shows refused plugins with their error on the admin page', async () => {
    const { forum } = await statusOf([definePlugin({ ...base, id: 'future', coreApi: '^2.0.0' })], 'future');
    const { client } = await forum.member({ role: 'admin' });
    const html = await (await client.get('/admin/plugins')).text();
    expect(html).toContain('PLUGIN_CORE_VERSION_MISMATCH');
  });
});
