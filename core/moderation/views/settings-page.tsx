import type { FC } from 'hono/jsx';
import type { Category } from '../../forum/schema.ts';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { wordActionEnum, type WatchedWord } from '../schema.ts';
import { categoryRuleKeys, type RuleConfig, type RuleConfigKey } from '../service/settings.ts';
import { ModerationNav } from './nav.tsx';

const groups: { titleKey: string; keys: RuleConfigKey[] }[] = [
  { titleKey: 'moderation.settings.flood', keys: ['floodMaxPerMinute', 'floodMaxPerHour', 'floodMinSeconds', 'duplicateWindowMinutes', 'floodAction'] },
  { titleKey: 'moderation.settings.links', keys: ['newMemberDays', 'newMemberPosts', 'newMemberMaxLinks', 'blockedDomains', 'allowedDomains', 'holdLinkOnly'] },
  { titleKey: 'moderation.settings.approval', keys: ['approveNewMemberPosts', 'reportHideThreshold'] },
];

const shown = (value: unknown) => (Array.isArray(value) ? value.join('\n') : value === undefined ? '' : String(value));

const RuleField: FC<{ vc: ViewContext; name: RuleConfigKey; value: unknown; inherited?: unknown; errors?: FieldErrors }> = ({ vc, name, value, inherited, errors }) => {
  const { t } = vc;
  const id = `f-${name}`;
  const label = t(`moderation.settings.${name}`);
  const help = inherited !== undefined ? <small class="help">{t('moderation.settings.inherit', { value: shown(inherited).replace(/\n/g, ', ') || '—' })}</small> : null;
  const error = errors?.[name] ? (
    <small class="error-text" role="alert">
      {t(errors[name]!)}
    </small>
  ) : null;
  if (name === 'floodAction') {
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <select id={id} name={name}>
          {inherited !== undefined ? <option value="">—</option> : null}
          {(['reject', 'hold'] as const).map((v) => (
            <option value={v} selected={value === v}>
              {t(`moderation.settings.floodAction.${v}`)}
            </option>
          ))}
        </select>
        {help}
      </div>
    );
  }
  if (name === 'holdLinkOnly' || name === 'approveNewMemberPosts') {
    if (inherited !== undefined) {
      return (
        <div class="field">
          <label for={id}>{label}</label>
          <select id={id} name={name}>
            <option value="inherit">—</option>
            <option value="on" selected={value === true}>
              ✓
            </option>
            <option value="off" selected={value === false}>
              ✗
            </option>
          </select>
          {help}
        </div>
      );
    }
    return (
      <label class="checkbox">
        <input type="checkbox" name={name} value="on" checked={value === true} /> {label}
      </label>
    );
  }
  if (name === 'blockedDomains' || name === 'allowedDomains') {
    return (
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={id}>{label}</label>
        <textarea id={id} name={name} rows={3}>
          {shown(value)}
        </textarea>
        {help}
        {error}
      </div>
    );
  }
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input id={id} name={name} type="number" min={0} value={shown(value)} />
      {help}
      {error}
    </div>
  );
};

export interface SettingsPageProps {
  vc: ViewContext;
  /** null: forum-wide. */
  category: Category | null;
  values: Partial<RuleConfig>;
  inherited?: RuleConfig;
  categories: Category[];
  words: WatchedWord[];
  errors?: FieldErrors;
  saved?: boolean;
}

export const SettingsPage: FC<SettingsPageProps> = ({ vc, category, values, inherited, categories, words, errors, saved }) => {
  const { t } = vc;
  const action = category ? `/review/settings/category/${category.id}` : '/review/settings';
  const allowed = (key: RuleConfigKey) => !category || (categoryRuleKeys as readonly string[]).includes(key);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return (
    <section class="moderation-settings">
      <ModerationNav vc={vc} current="/review/settings" />
      <h1>{category ? t('moderation.settings.categoryTitle', { name: category.name }) : t('moderation.settings.title')}</h1>
      {saved ? (
        <p class="flash success" role="status">
          {t('moderation.settings.saved')}
        </p>
      ) : null}
      <form method="post" action={action} class="stack">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        {groups.map((g) => (
          <fieldset>
            <legend>{t(g.titleKey)}</legend>
            {g.keys.filter(allowed).map((key) => (
              <RuleField vc={vc} name={key} value={values[key]} inherited={inherited?.[key]} errors={errors} />
            ))}
          </fieldset>
        ))}
        <button type="submit" class="primary">
          {t('moderation.settings.save')}
        </button>
      </form>
      {category ? null : (
        <>
          <h2>{t('moderation.settings.categories')}</h2>
          <ul class="category-rule-links">
            {categories.map((c) => (
              <li>
                <a href={`/review/settings/category/${c.id}`}>{c.name}</a>
              </li>
            ))}
          </ul>
          <h2>{t('moderation.words.title')}</h2>
          <p class="muted small">{t('moderation.words.help')}</p>
          {words.length === 0 ? (
            <p class="muted">{t('moderation.words.empty')}</p>
          ) : (
            <ul class="word-list">
              {words.map((w) => (
                <li>
                  <code>{w.pattern}</code> {w.isRegex ? `(${t('moderation.words.isRegex')})` : ''} · {t(`moderation.words.action.${w.action}`)} ·{' '}
                  {w.categoryId ? (names.get(w.categoryId) ?? `#${w.categoryId}`) : t('moderation.words.everywhere')}
                  <form method="post" action={`/review/words/${w.id}/delete`} class="inline">
                    <input type="hidden" name="_csrf" value={vc.csrfToken} />
                    <button type="submit" class="small link">
                      {t('moderation.words.remove')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action="/review/words" class="inline-fields word-form">
            <input type="hidden" name="_csrf" value={vc.csrfToken} />
            <label>
              {t('moderation.words.pattern')} <input name="pattern" required maxlength={200} aria-invalid={errors?.pattern ? 'true' : undefined} />
            </label>
            {errors?.pattern ? (
              <small class="error-text" role="alert">
                {t(errors.pattern)}
              </small>
            ) : null}
            <label class="checkbox">
              <input type="checkbox" name="isRegex" value="on" /> {t('moderation.words.isRegex')}
            </label>
            <label>
              {t('moderation.words.action')}{' '}
              <select name="action">
                {wordActionEnum.enumValues.map((a) => (
                  <option value={a}>{t(`moderation.words.action.${a}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {t('moderation.words.category')}{' '}
              <select name="categoryId">
                <option value="">{t('moderation.words.everywhere')}</option>
                {categories.map((c) => (
                  <option value={String(c.id)}>{c.name}</option>
                ))}
              </select>
            </label>
            <button type="submit">{t('moderation.words.add')}</button>
          </form>
        </>
      )}
    </section>
  );
};
