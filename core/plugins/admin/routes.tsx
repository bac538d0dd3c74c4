import { asc } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { adminLinks } from '../../admin/links.ts';
import { AdminShell } from '../../admin/views/shell.tsx';
import { categories, type Category } from '../../forum/schema.ts';
import { UserError } from '../../http/errors.tsx';
import { formStrings } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import type { LoadedPlugin } from '../host.ts';
import { parseSettingsForm } from '../settings.ts';
import { PluginCard } from './plugin-card.tsx';

/** /admin/plugins: every installed plugin, its compatibility, switches, settings and per-category toggles. */
export function pluginAdminRoutes(): Hono {
  const app = new Hono();

  app.get('/', async (c) => renderList(c));

  app.post('/:id/enabled', async (c) => {
    const plugin = activePlugin(c);
    const form = formStrings(await c.req.parseBody());
    await c.get('deps').pluginHost.state.setEnabled(plugin.definition.id, form.enabled === 'true');
    return done(c, plugin.definition.id);
  });

  app.post('/:id/settings', async (c) => {
    const plugin = activePlugin(c);
    const schema = plugin.definition.settings;
    if (!schema) throw new UserError(400, 'admin.plugins.noSettings');
    const parsed = parseSettingsForm(schema, formStrings(await c.req.parseBody()));
    if (!parsed.ok) return renderList(c, { pluginId: plugin.definition.id, errors: parsed.errors }, 400);
    await c.get('deps').pluginHost.state.setSettings(plugin.definition.id, parsed.values);
    return done(c, plugin.definition.id);
  });

  app.post('/:id/categories', async (c) => {
    const plugin = activePlugin(c);
    if (plugin.definition.scope !== 'category') throw new UserError(400, 'validation.invalid');
    const body = await c.req.parseBody({ all: true });
    const raw = body.category;
    const chosen = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => Number(v)));
    const all = await c.get('deps').db.select({ id: categories.id }).from(categories);
    for (const { id } of all) await c.get('deps').pluginHost.state.setCategory(plugin.definition.id, id, chosen.has(id));
    return done(c, plugin.definition.id);
  });

  app.post('/:id/categories/:categoryId{[0-9]+}/overrides', async (c) => {
    const plugin = activePlugin(c);
    const schema = plugin.definition.settings;
    const keys = plugin.definition.categorySettings ?? [];
    if (!schema || keys.length === 0) throw new UserError(400, 'validation.invalid');
    const form = formStrings(await c.req.parseBody());
    // an empty field means "use the forum-wide value"
    const given = keys.filter((k) => (form[k] ?? '') !== '');
    const parsed = parseSettingsForm(schema, form, given);
    if (!parsed.ok) return renderList(c, { pluginId: plugin.definition.id, errors: parsed.errors }, 400);
    const categoryId = Number(c.req.param('categoryId'));
    const state = c.get('deps').pluginHost.state.get(plugin.definition.id);
    await c.get('deps').pluginHost.state.setCategory(plugin.definition.id, categoryId, state?.categories.has(categoryId) ?? false, parsed.values);
    return done(c, plugin.definition.id);
  });

  return app;
}

function activePlugin(c: Context): LoadedPlugin {
  const plugin = c.get('deps').pluginHost.get(c.req.param('id') ?? '');
  if (!plugin || plugin.status !== 'active') throw new UserError(404, 'error.404.body');
  return plugin;
}

function done(c: Context, pluginId: string): Response {
  if (c.req.header('hx-request') === 'true') {
    c.header('HX-Redirect', `/admin/plugins#plugin-${pluginId}`);
    return c.body(null, 204);
  }
  return c.redirect(`/admin/plugins?saved=1#plugin-${pluginId}`, 303);
}

async function renderList(c: Context, problem?: { pluginId: string; errors: Record<string, string> }, status: 200 | 400 = 200) {
  const vc = viewContext(c);
  const { t } = vc;
  const host = c.get('deps').pluginHost;
  const cats: Category[] = await c.get('deps').db.select().from(categories).orderBy(asc(categories.position), asc(categories.id));
  const plugins = host.list();
  return renderPage(
    c,
    { title: t('admin.plugins'), status },
    <AdminShell vc={vc} links={adminLinks(c)} title={t('admin.plugins')}>
      <p>{t('admin.plugins.intro')}</p>
      <p class="muted">{t('admin.plugins.dataKept')}</p>
      {c.req.query('saved') ? (
        <p class="flash success" role="status">
          {t('admin.plugins.saved')}
        </p>
      ) : null}
      {plugins.length === 0 ? <p class="empty">{t('admin.plugins.none')}</p> : null}
      {await Promise.all(
        plugins.map(async (plugin) => (
          <PluginCard
            vc={vc}
            plugin={plugin}
            state={host.state.get(plugin.definition.id)}
            settings={await host.settingsFor(plugin.definition.id)}
            categories={cats}
            errors={problem?.pluginId === plugin.definition.id ? problem.errors : undefined}
          />
        )),
      )}
    </AdminShell>,
  );
}
