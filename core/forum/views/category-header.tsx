import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Category } from '../schema.ts';
import { categoryPath } from '../service/slug.ts';

export interface CategoryHeaderProps {
  vc: ViewContext;
  category: Category;
  parent: Category | null;
  subcategories: Category[];
  canStart: boolean;
}

export const CategoryHeader: FC<CategoryHeaderProps> = ({ vc, category, parent, subcategories, canStart }) => (
  <header class={`category-header cat-${category.id}`}>
    {parent ? (
      <nav class="breadcrumbs small" aria-label={vc.t('forum.breadcrumbs')}>
        <a href="/categories">{vc.t('nav.categories')}</a> › <a href={categoryPath(parent)}>{parent.name}</a>
      </nav>
    ) : null}
    <div class="page-header">
      <h1 class={`category-chip cat-${category.id}`}>{category.name}</h1>
      {canStart ? (
        <a class="button primary" href={`${categoryPath(category)}/new`}>
          {vc.t('nav.newThread')}
        </a>
      ) : null}
    </div>
    {category.description ? <p class="category-description">{category.description}</p> : null}
    {subcategories.length ? (
      <nav class="subcategories" aria-label={vc.t('forum.category.subcategories')}>
        <span class="muted">{vc.t('forum.category.subcategories')}:</span>{' '}
        {subcategories.map((sub) => (
          <>
            <a class={`category-chip cat-${sub.id}`} href={categoryPath(sub)}>
              {sub.name}
            </a>{' '}
          </>
        ))}
      </nav>
    ) : null}
    <Slot name="category.header" vc={vc} categoryId={category.id} category={category} />
  </header>
);
