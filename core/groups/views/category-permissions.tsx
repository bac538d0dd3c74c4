import type { FC } from 'hono/jsx';
import type { Category } from '../../forum/schema.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Group } from '../schema.ts';

const scopes = [
  { key: 'read', minTrust: 'minTrustRead', groups: 'readGroupIds' },
  { key: 'start', minTrust: 'minTrustStart', groups: 'startGroupIds' },
  { key: 'reply', minTrust: 'minTrustReply', groups: 'replyGroupIds' },
] as const;

/** A category's community permissions as form strings: levels as numbers, group ids as "1,2". */
export function communityPermissionValues(category: Category): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of scopes) {
    out[s.minTrust] = String(category[s.minTrust]);
    out[s.groups] = category[s.groups].join(',');
  }
  return out;
}

/** Group checkboxes arrive as readGroup.<id>=on; the category input reads readGroupIds="1,2". */
export function collectGroupChoices(values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const s of scopes) {
    const prefix = `${s.key}Group.`;
    const ids = Object.keys(values)
      .filter((k) => k.startsWith(prefix) && values[k] === 'on')
      .map((k) => k.slice(prefix.length))
      .filter((id) => /^[0-9]+$/.test(id));
    out[s.groups] = ids.join(',');
  }
  return out;
}

/** The category form's fieldset: per ability, a minimum trust level and the groups it is limited to. */
export const CommunityPermissionFields: FC<{ vc: ViewContext; form: Record<string, string>; groups: Pick<Group, 'id' | 'name'>[] }> = ({ vc, form, groups }) => {
  const { t } = vc;
  return (
    <fieldset class="community-permissions">
      <legend>{t('groups.category.legend')}</legend>
      <p class="help">{t('groups.category.help')}</p>
      {scopes.map((s) => {
        const chosen = new Set((form[s.groups] ?? '').split(',').filter(Boolean));
        return (
          <fieldset>
            <legend>{t(`groups.category.${s.key}`)}</legend>
            <div class="field">
              <label for={`f-${s.minTrust}`}>{t('groups.category.minTrust')}</label>
              <select id={`f-${s.minTrust}`} name={s.minTrust}>
                {[0, 1, 2, 3, 4].map((l) => (
                  <option value={String(l)} selected={(form[s.minTrust] ?? '0') === String(l)}>
                    {t(`trust.level.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            {groups.length > 0 ? (
              <div class="field">
                <span>{t('groups.category.groups')}</span>
                {groups.map((g) => (
                  <div class="checkbox">
                    <input type="checkbox" id={`f-${s.key}Group-${g.id}`} name={`${s.key}Group.${g.id}`} checked={chosen.has(String(g.id))} />
                    <label for={`f-${s.key}Group-${g.id}`}>{g.name}</label>
                  </div>
                ))}
              </div>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
};
