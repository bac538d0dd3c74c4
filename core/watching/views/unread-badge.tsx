import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

/** "3 new" next to a thread in a listing, linking to the first unread post. Renders nothing at 0. */
export const UnreadBadge: FC<{ vc: ViewContext; count: number; firstUnreadUrl: string }> = ({ vc, count, firstUnreadUrl }) =>
  count > 0 ? (
    <a class="badge unread-badge" href={firstUnreadUrl} aria-label={vc.t('watching.unreadLabel', { count: vc.tr.number(count) })}>
      {vc.t('watching.unread', { count: vc.tr.number(count) })}
    </a>
  ) : null;
