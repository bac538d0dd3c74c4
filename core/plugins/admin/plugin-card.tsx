import type { FC } from 'hono/jsx';
import type { Category } from '../../forum/schema.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { LoadedPlugin } from '../host.ts';
import { describeSettings, resolveSettings } from '../settings.ts';
import type { PluginStateSnapshot } from '../state.ts';
import { SettingInput } from './settings-form.tsx';

interface Props {
  vc: ViewContext;
  plugin: LoadedPlugin;
  state: PluginStateSnapshot | undefined;
  settings: Record<string, unknown>;
  categories: Category[];
  errors?: Record<string, string>;
}

/** One installed plugin on /admin/plugins. */
export const PluginCard: FC<Props> = ({ vc, plugin, state, settings, categories, errors }) => {
  const { t } = vc;
  const def = plugin.definition;
  const id = def.id;
  const csrf = <input type="hidden" name="_csrf" value={vc.csrfToken} />;
  const enabled = state?.enabled ?? false;
  const nameKey = `${id}.name`;
  return (
    <article class="card plugin-card" id={`plugin-${id}`} aria-labelledby={`plugin-${id}-title`}>
      <header>
        <h2 id={`plugin-${id}-title`}>{t(nameKey) === nameKey ? id : t(nameKey)}</h2>
        <p class="meta">
          <span>{t('admin.plugins.version', { version: def.version })}</span>
          <span>{t(`admin.plugins.scope.${def.scope}`)}</span>
          <span>{t('admin.plugins.requires', { range: def.coreApi })}</span>
          <span class={`badge ${plugin.status}`}>{t(`admin.plugins.status.${plugin.status}`)}</span>
        </p>
      </header>
      {plugin.error ? (
        <p class="flash error" role="alert">
          <code>{plugin.error.code}</code> {plugin.error.message}
        </p>
      ) : null}
      {plugin.status === 'active' ? (
        <>
          <form method="post" action={`/admin/plugins/${id}/enabled`} class="inline">
            {csrf}
            <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
            <span class={`badge ${enabled ? 'on' : 'off'}`}>{t(enabled ? 'admin.plugins.enabled' : 'admin.plugins.disabled')}</span>{' '}
            <button type="submit" class="button small">
              {t(enabled ? 'admin.plugins.disable' : 'admin.plugins.enable')}
            </button>
          </form>
          {def.settings ? (
            <form method="post" action={`/admin/plugins/${id}/settings`} class="stack">
              {csrf}
              <h3>{t('admin.plugins.settings')}</h3>
              {describeSettings(def.settings, settings).map((field) => (
                <>
                  <SettingInput vc={vc} pluginId={id} field={field} />
                  {errors?.[field.key] ? (
                    <small class="error-text" role="alert">
                      {errors[field.key]}
                    </small>
                  ) : null}
                </>
              ))}
              <button type="submit" class="button primary">
                {t('common.save')}
              </button>
            </form>
          ) : (
            <p class="muted">{t('admin.plugins.noSettings')}</p>
          )}
          {def.scope === 'category' ? (
            <CategoryToggles vc={vc} plugin={plugin} state={state} categories={categories} settings={settings} />
          ) : null}
        </>
      ) : null}
    </article>
  );
};

const CategoryToggles: FC<Omit<Props, 'errors'>> = ({ vc, plugin, state, categories, settings }) => {
  const { t } = vc;
  const def = plugin.definition;
  const keys = def.categorySettings ?? [];
  return (
    <>
      <form method="post" action={`/admin/plugins/${def.id}/categories`} class="stack">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <h3>{t('admin.plugins.categories')}</h3>
        <fieldset class="checkbox-grid">
          <legend class="visually-hidden">{t('admin.plugins.categories')}</legend>
          {categories.map((cat) => (
            <label class="checkbox">
              <input type="checkbox" name="category" value={String(cat.id)} checked={state?.categories.has(cat.id) ?? false} />{' '}
              {t('admin.plugins.categoryOn', { name: cat.name })}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button primary">
          {t('common.save')}
        </button>
      </form>
      {def.settings && keys.length
        ? categories
            .filter((cat) => state?.categories.has(cat.id))
            .map((cat) => {
              const overrides = state?.categories.get(cat.id) ?? {};
              const effective = resolveSettings(def.settings, settings, overrides, keys);
              const fields = describeSettings(def.settings!, effective).filter((f) => keys.includes(f.key));
              return (
                <form method="post" action={`/admin/plugins/${def.id}/categories/${cat.id}/overrides`} class="stack overrides">
                  <input type="hidden" name="_csrf" value={vc.csrfToken} />
                  <h4>{t('admin.plugins.overrides', { name: cat.name })}</h4>
                  {fields.map((field) => (
                    <SettingInput vc={vc} pluginId={def.id} field={field} inheritable inherited={!(field.key in overrides)} prefix="" />
                  ))}
                  <button type="submit" class="button small">
                    {t('common.save')}
                  </button>
                </form>
              );
            })
        : null}
    </>
  );
};
