import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Notification } from '../schema.ts';
import { MarkAllReadForm, NotificationItem } from './item.tsx';

export const NotificationList: FC<{ vc: ViewContext; items: Notification[]; next?: number }> = ({ vc, items, next }) => {
  const { t } = vc;
  return (
    <section class="notifications">
      <header class="page-header">
        <h1>{t('notifications.title')}</h1>
        {items.some((n) => !n.readAt) ? <MarkAllReadForm vc={vc} view="page" /> : null}
      </header>
      {items.length === 0 ? <p class="empty">{t('notifications.empty')}</p> : null}
      <ol class="notification-list">
        {items.map((n) => (
          <NotificationItem vc={vc} n={n} />
        ))}
      </ol>
      {next ? (
        <a class="button load-more" href={`/notifications?before=${next}`}>
          {t('notifications.older')}
        </a>
      ) : null}
    </section>
  );
};
