import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import '../core-types.ts';
import type { Notification } from '../schema.ts';
import { notificationMessageKey } from '../types.ts';

/** One notification: following it marks it read and leads to what it is about (e.g. /p/<postId>). */
export const NotificationItem: FC<{ vc: ViewContext; n: Notification }> = ({ vc, n }) => {
  const { t } = vc;
  return (
    <li class={n.readAt ? 'notification read' : 'notification unread'}>
      <form method="post" action={`/notifications/${n.id}/read`} class="inline">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <button type="submit" class="link notification-link">
          {n.readAt ? null : <span class="visually-hidden">{t('notifications.unread')}: </span>}
          {t(notificationMessageKey(n.type, n.data), n.data)}
        </button>
      </form>
      <time datetime={n.createdAt.toISOString()} title={vc.tr.date(n.createdAt, 'long')}>
        {vc.tr.relative(n.createdAt)}
      </time>
    </li>
  );
};

export const MarkAllReadForm: FC<{ vc: ViewContext; view: 'page' | 'menu' }> = ({ vc, view }) => (
  <form
    method="post"
    action="/notifications/read-all"
    class="inline"
    hx-post={view === 'menu' ? '/notifications/read-all' : undefined}
    hx-target={view === 'menu' ? '#notification-menu' : undefined}
    hx-swap={view === 'menu' ? 'outerHTML' : undefined}
  >
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    <input type="hidden" name="view" value={view} />
    <button type="submit" class="button small">
      {vc.t('notifications.markAllRead')}
    </button>
  </form>
);
