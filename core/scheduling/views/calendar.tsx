import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { ScheduledThread } from '../list.ts';
import { dateToZonedLocal } from '../zoned-time.ts';
import { threadPath } from '../../forum/service/slug.ts';

/** The operations calendar (运营日历): scheduled threads with publish now, reschedule and cancel. */
export const CalendarPage: FC<{ vc: ViewContext; rows: ScheduledThread[]; error?: string }> = ({ vc, rows, error }) => {
  const { t, tr } = vc;
  const csrf = <input type="hidden" name="_csrf" value={vc.csrfToken} />;
  return (
    <section class="scheduled-page">
      <h1>{t('scheduling.title')}</h1>
      <p class="muted">{t('scheduling.intro', { zone: vc.site.timeZone })}</p>
      {error ? (
        <p class="flash error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p class="empty">{t('scheduling.empty')}</p>
      ) : (
        <table class="data-table scheduled-threads">
          <thead>
            <tr>
              <th>{t('scheduling.when')}</th>
              <th>{t('scheduling.thread')}</th>
              <th>{t('scheduling.category')}</th>
              <th>{t('scheduling.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr id={`scheduled-${row.id}`}>
                <td>
                  <time datetime={row.publishAt!.toISOString()}>{tr.date(row.publishAt!, 'long')}</time>
                </td>
                <td>
                  <a href={threadPath(row)}>{row.title}</a> <span class="muted">@{row.authorName}</span>
                </td>
                <td>{row.categoryName}</td>
                <td class="actions">
                  <form method="post" action={`/scheduled/${row.id}/publish`}>
                    {csrf}
                    <button type="submit" class="button" data-confirm={t('scheduling.publishNow.confirm')}>
                      {t('scheduling.publishNow')}
                    </button>
                  </form>
                  <form method="post" action={`/scheduled/${row.id}/reschedule`} class="inline">
                    {csrf}
                    <label class="visually-hidden" for={`at-${row.id}`}>
                      {t('scheduling.newTime')}
                    </label>
                    <input id={`at-${row.id}`} type="datetime-local" name="publishAt" value={dateToZonedLocal(row.publishAt!, vc.site.timeZone)} required />
                    <button type="submit" class="button">
                      {t('scheduling.reschedule')}
                    </button>
                  </form>
                  <form method="post" action={`/scheduled/${row.id}/cancel`}>
                    {csrf}
                    <button type="submit" class="button danger" data-confirm={t('scheduling.cancel.confirm')}>
                      {t('scheduling.cancel')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
