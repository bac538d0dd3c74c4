import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { SettingField } from '../settings.ts';

/** A form field generated from one zod setting. Labels come from `<pluginId>.settings.<key>`. */
export const SettingInput: FC<{
  vc: ViewContext;
  pluginId: string;
  field: SettingField;
  inheritable?: boolean;
  inherited?: boolean;
  prefix?: string;
}> = ({ vc, pluginId, field, inheritable, inherited, prefix = '' }) => {
  const name = `${prefix}${field.key}`;
  const id = `s-${pluginId}-${name}`;
  const label = vc.t(`${pluginId}.settings.${field.key}`);
  if (field.kind === 'boolean' && inheritable) {
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <select id={id} name={name}>
          <option value="" selected={inherited}>
            {vc.t('admin.plugins.inherit')}
          </option>
          <option value="true" selected={!inherited && field.value}>
            {vc.t('admin.plugins.enabled')}
          </option>
          <option value="false" selected={!inherited && !field.value}>
            {vc.t('admin.plugins.disabled')}
          </option>
        </select>
      </div>
    );
  }
  if (field.kind === 'boolean') {
    return (
      <div class="field checkbox">
        <input type="checkbox" id={id} name={name} checked={field.value} />
        <label for={id}>{label}</label>
      </div>
    );
  }
  if (field.kind === 'enum') {
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <select id={id} name={name}>
          {inheritable ? (
            <option value="" selected={inherited}>
              {vc.t('admin.plugins.inherit')}
            </option>
          ) : null}
          {field.options.map((o) => (
            <option value={o} selected={!inherited && o === field.value}>
              {vc.t(`${pluginId}.settings.${field.key}.${o}`)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={field.kind === 'number' ? 'number' : 'text'}
        value={inherited ? '' : String(field.value)}
        placeholder={inheritable ? vc.t('admin.plugins.inherit') : undefined}
        min={field.kind === 'number' ? field.min : undefined}
        max={field.kind === 'number' ? field.max : undefined}
        step={field.kind === 'number' && !field.integer ? 'any' : undefined}
        maxlength={field.kind === 'string' ? field.maxLength : undefined}
      />
    </div>
  );
};
