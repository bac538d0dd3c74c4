import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { MailMessage } from '../schema.ts';
import type { MailQueueState } from '../state.ts';

export const QueueState: FC<{ vc: ViewContext; state: MailQueueState }> = ({ vc, state }) => {
  const { t, tr } = vc;
  const items: [string, number | null][] = [
    ['mail.admin.queue.queued', state.queued],
    ['mail.admin.queue.sending', state.sending],
    ['mail.admin.queue.failed', state.failed],
    ['mail.admin.queue.jobs', state.pendingJobs],
  ];
  return (
    <section aria-labelledby="mail-queue">
      <h2 id="mail-queue">{t('mail.admin.queue')}</h2>
      <dl class="stat-grid">
        {items.map(([key, value]) => (
          <div class="stat">
            <dt>{t(key)}</dt>
            <dd>{value === null ? '—' : tr.number(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};

export const RetryButton: FC<{ vc: ViewContext; mail: MailMessage }> = ({ vc, mail }) =>
  mail.status === 'failed' || mail.status === 'queued' ? (
    <form method="post" action={`/admin/mail/${mail.id}/retry`} class="inline">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <button type="submit" class="button small">
        {vc.t('mail.admin.retry')}
      </button>
    </form>
  ) : null;

/** Recent mail: status, attempts and the last delivery error. */
export const MailLog: FC<{ vc: ViewContext; rows: MailMessage[] }> = ({ vc, rows }) => {
  const { t } = vc;
  if (rows.length === 0) return <p class="empty">{t('admin.mail.empty')}</p>;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">{t('admin.mail.date')}</th>
          <th scope="col">{t('admin.mail.to')}</th>
          <th scope="col">{t('admin.mail.subject')}</th>
          <th scope="col">{t('admin.mail.kind')}</th>
          <th scope="col">{t('admin.mail.status')}</th>
          <th scope="col">{t('mail.admin.attempts')}</th>
          <th scope="col">{t('mail.admin.error')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr>
            <td>
              <time datetime={m.createdAt.toISOString()}>{vc.tr.date(m.createdAt, 'long')}</time>
            </td>
            <td>{m.to}</td>
            <td>
              <a href={`/admin/mail/${m.id}`}>{m.subject}</a>
            </td>
            <td>{m.kind}</td>
            <td>{t(`mail.status.${m.status}`)}</td>
            <td>{vc.tr.number(m.attempts)}</td>
            <td>
              {m.error ? <span class="error-text">{m.error}</span> : null} <RetryButton vc={vc} mail={m} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
