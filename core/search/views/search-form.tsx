import type { FC } from 'hono/jsx';
import type { Category } from '../../forum/schema.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { SearchParams } from '../params.ts';
import type { RegisteredSearchType } from '../plugin-types.ts';
import { CORE_TYPES } from '../documents.ts';

export interface SearchFormProps {
  vc: ViewContext;
  params: SearchParams;
  facetInputs: Record<string, string>;
  categories: Category[];
  pluginTypes: RegisteredSearchType[];
}

const str = (v: string | number | undefined) => (v === undefined || v === '' ? '' : String(v));

/**
 * The search form. Without JavaScript it is a plain GET form; with htmx every change asks for the
 * results fragment (debounced while typing), and the URL follows so it can be shared and Back works.
 * `changed` on both triggers: leaving the box fires `change` with the value already searched, and a
 * second request would replace the results under the keyboard focus (Tab from the box to a hit).
 */
export const SearchForm: FC<SearchFormProps> = ({ vc, params, facetInputs, categories, pluginTypes }) => {
  const selectedType = pluginTypes.find((t) => t.type === params.type);
  return (
    <form
      id="search-form"
      class="search-form stack"
      method="get"
      action="/search"
      role="search"
      hx-get="/search"
      hx-target="#search-results"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="input changed delay:300ms, change changed, submit"
      hx-sync="this:replace"
    >
      <div class="search-query">
        <label for="search-q" class="visually-hidden">
          {vc.t('search.query')}
        </label>
        <input id="search-q" type="search" name="q" value={params.q} maxlength={200} autocomplete="off" autofocus placeholder={vc.t('search.header.placeholder')} />
        <button type="submit" class="primary">
          {vc.t('search.submit')}
        </button>
      </div>
      <fieldset class="search-filters">
        <legend>{vc.t('search.filters')}</legend>
        <label>
          {vc.t('search.type')}
          <select name="type">
            <option value="">{vc.t('search.type.all')}</option>
            {CORE_TYPES.map((t) => (
              <option value={t} selected={params.type === t}>
                {vc.t(`search.type.${t}`)}
              </option>
            ))}
            {pluginTypes.map((t) => (
              <option value={t.type} selected={params.type === t.type}>
                {vc.t(t.labelKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {vc.t('search.category')}
          <select name="category">
            <option value="">{vc.t('search.category.all')}</option>
            {categories.map((c) => (
              <option value={String(c.id)} selected={params.category === c.id}>
                {c.parentId === null ? c.name : `— ${c.name}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {vc.t('search.tag')}
          <input type="text" name="tag" value={str(params.tag)} maxlength={100} />
        </label>
        <label>
          {vc.t('search.author')}
          <input type="text" name="author" value={str(params.author)} maxlength={60} autocomplete="off" />
        </label>
        <label>
          {vc.t('search.from')}
          <input type="date" name="from" value={str(params.from)} />
        </label>
        <label>
          {vc.t('search.to')}
          <input type="date" name="to" value={str(params.to)} />
        </label>
        <label>
          {vc.t('search.sort')}
          <select name="sort">
            <option value="relevance" selected={params.sort !== 'date'}>
              {vc.t('search.sort.relevance')}
            </option>
            <option value="date" selected={params.sort === 'date'}>
              {vc.t('search.sort.date')}
            </option>
          </select>
        </label>
        {(selectedType?.facets ?? []).map((facet) => {
          const label = vc.t(facet.labelKey);
          const name = `f.${facet.key}`;
          if (facet.kind === 'number' || facet.kind === 'date') {
            const type = facet.kind === 'date' ? 'date' : 'number';
            return (
              <>
                <label>
                  {vc.t('search.min', { label })}
                  <input type={type} name={`${name}.min`} value={facetInputs[`${name}.min`] ?? ''} step={type === 'number' ? 'any' : undefined} />
                </label>
                <label>
                  {vc.t('search.max', { label })}
                  <input type={type} name={`${name}.max`} value={facetInputs[`${name}.max`] ?? ''} step={type === 'number' ? 'any' : undefined} />
                </label>
              </>
            );
          }
          const options =
            facet.kind === 'boolean'
              ? [
                  { value: 'true', text: vc.t('search.yes') },
                  { value: 'false', text: vc.t('search.no') },
                ]
              : facet.values?.map((v) => ({ value: v.value, text: vc.t(v.labelKey) }));
          return (
            <label>
              {label}
              {options ? (
                <select name={name}>
                  <option value="">{vc.t('search.any')}</option>
                  {options.map((o) => (
                    <option value={o.value} selected={facetInputs[name] === o.value}>
                      {o.text}
                    </option>
                  ))}
                </select>
              ) : (
                <input type="text" name={name} value={facetInputs[name] ?? ''} maxlength={100} />
              )}
            </label>
          );
        })}
      </fieldset>
    </form>
  );
};
