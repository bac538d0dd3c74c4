import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../ui/view-context.ts';
import type { Category } from '../../schema.ts';
import { categoryPath } from '../../service/slug.ts';
import { countText } from '../bits.tsx';

const Row: FC<{ vc: ViewContext; category: Category; first: boolean; last: boolean }> = ({ vc, category, first, last }) => {
  const { t } = vc;
  const base = `/admin/categories/${category.id}`;
  return (
    <tr class={category.parentId === null ? 'top-level' : 'sub-level'}>
      <td>
        {category.parentId === null ? null : <span aria-hidden="true">— </span>}
        <a class={`category-chip cat-${category.id}`} href={categoryPath(category)}>
          {category.name}
        </a>
        <div class="muted small">/{category.slug}</div>
      </td>
      <td class="small">
        {t(`forum.access.${category.readAccess}`)} / {t(`forum.access.${category.startAccess}`)} / {t(`forum.access.${category.replyAccess}`)}
      </td>
      <td class="small">
        {countText(vc, 'forum.category.threads', category.threadCount)}, {countText(vc, 'forum.category.posts', category.postCount)}
      </td>
      <td class="actions">
        <a class="button small" href={`${base}/edit`}>
          {t('common.edit')}
        </a>
        {(['up', 'down'] as const).map((direction) => (
          <form method="post" action={`${base}/move`} class="inline">
            <input type="hidden" name="_csrf" value={vc.csrfToken} />
            <input type="hidden" name="direction" value={direction} />
            <button type="submit" class="small" disabled={direction === 'up' ? first : last} aria-label={t(`forum.admin.move.${direction}`, { name: category.name })}>
              {direction === 'up' ? '↑' : '↓'}
            </button>
          </form>
        ))}
        <form method="post" action={`${base}/delete`} class="inline">
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="small danger" data-confirm={t('forum.admin.deleteConfirm', { name: category.name })}>
            {t('common.delete')}
          </button>
        </form>
      </td>
    </tr>
  );
};

/** Every category, each parent followed by its sub-categories, with move/edit/delete. */
export const CategoryTable: FC<{ vc: ViewContext; categories: Category[] }> = ({ vc, categories }) => {
  const tops = categories.filter((c) => c.parentId === null);
  if (tops.length === 0) return <p class="empty">{vc.t('forum.admin.empty')}</p>;
  const rows = tops.flatMap((top, i) => {
    const children = categories.filter((c) => c.parentId === top.id);
    return [
      <Row vc={vc} category={top} first={i === 0} last={i === tops.length - 1} />,
      ...children.map((child, j) => <Row vc={vc} category={child} first={j === 0} last={j === children.length - 1} />),
    ];
  });
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{vc.t('forum.admin.name')}</th>
            <th scope="col">{vc.t('forum.admin.accessShort')}</th>
            <th scope="col">{vc.t('forum.admin.content')}</th>
            <th scope="col">
              <span class="visually-hidden">{vc.t('forum.admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
};
