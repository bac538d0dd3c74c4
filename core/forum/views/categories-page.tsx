import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Category } from '../schema.ts';
import type { CategoryAccess } from '../service/access.ts';
import { rollUp, type CategoryStats } from '../service/category-index.ts';
import { categoryPath, threadPath } from '../service/slug.ts';
import { Time, countText } from './bits.tsx';

const Counts: FC<{ vc: ViewContext; stats: CategoryStats | undefined }> = ({ vc, stats }) => (
  <p class="meta">
    <span>{countText(vc, 'forum.category.threads', stats?.threadCount ?? 0)}</span>
    <span>{countText(vc, 'forum.category.posts', stats?.postCount ?? 0)}</span>
  </p>
);

const Latest: FC<{ vc: ViewContext; stats: CategoryStats | undefined }> = ({ vc, stats }) =>
  stats?.latest ? (
    <p class="latest small">
      <span class="muted">{vc.t('forum.category.latest')}</span> <a href={threadPath(stats.latest)}>{stats.latest.title}</a>{' '}
      <span class="muted">
        <Time vc={vc} date={stats.latest.lastPostAt} />
      </span>
    </p>
  ) : (
    <p class="muted small">{vc.t('forum.category.noThreads')}</p>
  );

export const CategoryCard: FC<{ vc: ViewContext; category: Category; subcategories: Category[]; stats: Map<number, CategoryStats> }> = ({
  vc,
  category,
  subcategories,
  stats,
}) => {
  const total = rollUp(stats, [category.id, ...subcategories.map((s) => s.id)]);
  return (
    <li class={`category-card cat-${category.id}`}>
      <h2>
        <a href={categoryPath(category)}>{category.name}</a>
      </h2>
      {category.description ? <p>{category.description}</p> : null}
      <Counts vc={vc} stats={total} />
      <Latest vc={vc} stats={total} />
      {subcategories.length ? (
        <ul class="subcategories">
          {subcategories.map((child) => (
            <li>
              <a class={`category-chip cat-${child.id}`} href={categoryPath(child)}>
                {child.name}
              </a>{' '}
              <span class="muted small">{countText(vc, 'forum.category.threads', stats.get(child.id)?.threadCount ?? 0)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
};

export const CategoriesIndex: FC<{ vc: ViewContext; access: CategoryAccess; stats: Map<number, CategoryStats> }> = ({ vc, access, stats }) => {
  const tops = access.topLevel();
  return tops.length ? (
    <ul class="category-list">
      {tops.map((c) => (
        <CategoryCard vc={vc} category={c} subcategories={access.childrenOf(c.id)} stats={stats} />
      ))}
    </ul>
  ) : (
    <p class="empty">{vc.t('forum.empty.categories')}</p>
  );
};
