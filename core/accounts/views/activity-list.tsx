import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { formatActivityCursor, type ActivityCursor, type ActivityItem } from '../service/activity.ts';
import { excerpt } from '../service/excerpt.ts';

export interface ActivityItemsProps {
  vc: ViewContext;
  items: ActivityItem[];
  next: ActivityCursor | null;
  /** The profile's path, which the "older" link pages through. */
  basePath: string;
}

/** List items plus the "older activity" item; htmx swaps that last item for the next page. */
export const ActivityItems: FC<ActivityItemsProps> = ({ vc, items, next, basePath }) => {
  const { t } = vc;
  const older = next ? `${basePath}?before=${encodeURIComponent(formatActivityCursor(next))}` : null;
  return (
    <>
      {items.map((item) => (
        <li class="activity-item">
          <p class="activity-title">
            <span class="muted">{t(item.number === 1 ? 'account.activity.started' : 'account.activity.replied')}</span>{' '}
            <a href={`/p/${item.postId}`}>{item.threadTitle}</a>{' '}
            <time class="muted" datetime={item.createdAt.toISOString()} title={vc.tr.date(item.createdAt, 'long')}>
              {vc.tr.relative(item.createdAt)}
            </time>
          </p>
          <p class="excerpt">{excerpt(item.htmlStart)}</p>
        </li>
      ))}
      {older ? (
        <li class="activity-more">
          <a href={older} hx-get={older} hx-target="closest li" hx-swap="outerHTML">
            {t('account.activity.older')}
          </a>
        </li>
      ) : null}
    </>
  );
};
