import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Notification } from '../schema.ts';
import { notificationMessageKey } from '../types.ts';

export const NotificationList: FC<{ vc: ViewContext; items: Notification[]; next?: number }> = ({ vc, items, next }) => {
  const { t } = vc;
  return (
    <section class="notifications">
      <header class="page-header">
        <h1>{t('notifications.title')}</h1>
        {items.some((n) => !n.readAt) ? (
          <form method="post" action="/notifications/read-all" class="inline">
            <input type="hidden" name="_csrf" value={vc.csrfToken} />
            <button type="submit" class="button small">
              {t('notifications.markAllRead')}
            </button>
          </form>
        ) : null}
      </header>
      {items.length === 0 ? <p class="empty">{t('notifications.empty')}</p> : null}
      <ol class="notification-list">
        {items.map((n) => (
          <li class={n.readAt ? 'notification read' : 'notification unread'}>
            <form method="post" action={`/notifications/${n.id}/read`} class="inline">
              <input type="hidden" name="_csrf" value={vc.csrfToken} />
              <button type="submit" class="link notification-link">
                {n.readAt ? null : <span class="visually-hidden">{t('notifications.unread')}: </span>}
                {t(notificationMessageKey(n.type), n.data)}
              </button>
            </form>
            <time datetime={n.createdAt.toISOString()} title={vc.tr.date(n.createdAt, 'long')}>
              {vc.tr.relative(n.createdAt)}
            </time>
          </li>
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
