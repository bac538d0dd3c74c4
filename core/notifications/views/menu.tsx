import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Notification } from '../schema.ts';
import { MarkAllReadForm, NotificationItem } from './item.tsx';

/** The bell's dropdown (GET /notifications/menu): the latest few, unread ones highlighted. */
export const NotificationMenu: FC<{ vc: ViewContext; items: Notification[] }> = ({ vc, items }) => (
  <div id="notification-menu" class="notification-menu" role="region" aria-label={vc.t('notifications.menuLabel')}>
    {items.length === 0 ? (
      <p class="empty">{vc.t('notifications.empty')}</p>
    ) : (
      <ol class="notification-list compact">
        {items.map((n) => (
          <NotificationItem vc={vc} n={n} />
        ))}
      </ol>
    )}
    <div class="notification-menu-footer">
      <a href="/notifications">{vc.t('notifications.seeAll')}</a>
      {items.some((n) => !n.readAt) ? <MarkAllReadForm vc={vc} view="menu" /> : null}
    </div>
  </div>
);
