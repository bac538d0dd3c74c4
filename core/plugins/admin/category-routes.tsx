import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { adminLinks } from '../../admin/links.ts';
import { AdminShell } from '../../admin/views/shell.tsx';
import { categories } from '../../forum/schema.ts';
import { UserError } from '../../http/errors.tsx';
import { formStrings } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';

/** /admin/categories/:id — which category plugins are on here, switchable in place. */
export function categoryPluginRoutes(): Hono {
  const app = new Hono();

  app.get('/:id{[0-9]+}', async (c) => {
    const vc = viewContext(c);
    const { t } = vc;
    const [category] = await c.get('deps').db.select().from(categories).where(eq(categories.id, Number(c.req.param('id'))));
    if (!category) throw new UserError(404, 'error.404.body');
    const host = c.get('deps').pluginHost;
    const scoped = host.list().filter((p) => p.status === 'active' && p.definition.scope === 'category');
    return renderPage(
      c,
      { title: category.name },
      <AdminShell vc={vc} links={adminLinks(c)} title={category.name}>
        <p>
          <a href={`/admin/categories/${category.id}/edit`}>{t('common.edit')}</a>
        </p>
        <h2>{t('admin.category.plugins')}</h2>
        {scoped.length === 0 ? <p class="empty">{t('admin.category.noPlugins')}</p> : null}
        <ul class="plugin-toggles">
          {scoped.map((p) => {
            const id = p.definition.id;
            const on = host.state.get(id)?.categories.has(category.id) ?? false;
            const nameKey = `${id}.name`;
            const name = t(nameKey) === nameKey ? id : t(nameKey);
            return (
              <li>
                <form method="post" action={`/admin/categories/${category.id}/plugins/${id}`} class="inline">
                  <input type="hidden" name="_csrf" value={vc.csrfToken} />
                  <input type="hidden" name="enabled" value={on ? 'false' : 'true'} />
                  <span class={`badge ${on ? 'on' : 'off'}`}>{t(on ? 'admin.plugins.enabled' : 'admin.plugins.disabled')}</span>{' '}
                  <strong>{name}</strong>{' '}
                  <button type="submit" class="button small">
                    {t(on ? 'admin.plugins.disable' : 'admin.plugins.enable')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      </AdminShell>,
    );
  });

  app.post('/:id{[0-9]+}/plugins/:pluginId', async (c) => {
    const categoryId = Number(c.req.param('id'));
    const plugin = c.get('deps').pluginHost.get(c.req.param('pluginId'));
    if (!plugin || plugin.status !== 'active' || plugin.definition.scope !== 'category') throw new UserError(404, 'error.404.body');
    const [category] = await c.get('deps').db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
    if (!category) throw new UserError(404, 'error.404.body');
    const form = formStrings(await c.req.parseBody());
    await c.get('deps').pluginHost.state.setCategory(plugin.definition.id, categoryId, form.enabled === 'true');
    return c.redirect(`/admin/categories/${categoryId}`, 303);
  });

  return app;
}
