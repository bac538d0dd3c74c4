import type { FC } from 'hono/jsx';
import type { Author } from '../../forum/service/people.ts';
import { hasMessage } from '../../i18n/index.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { ModerationLogEntry } from '../schema.ts';
import { ModerationNav } from './nav.tsx';

export interface LogFilterValues {
  actor: string;
  member: string;
  action: string;
  q: string;
}

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

export const LogPage: FC<{ vc: ViewContext; rows: ModerationLogEntry[]; people: Map<number, Author>; filter: LogFilterValues; nextHref: string | null }> = ({
  vc,
  rows,
  people,
  filter,
  nextHref,
}) => {
  const { t } = vc;
  const name = (id: number | null) => (id === null ? t('moderation.log.system') : (people.get(id)?.username ?? `#${id}`));
  return (
    <section class="moderation-log">
      <ModerationNav vc={vc} current="/review/log" />
      <h1>{t('moderation.log.title')}</h1>
      <form method="get" action="/review/log" class="inline-fields log-filter">
        <label>
          {t('moderation.log.actor')} <input name="actor" value={filter.actor} />
        </label>
        <label>
          {t('moderation.log.member')} <input name="member" value={filter.member} />
        </label>
        <label>
          {t('moderation.log.action')} <input name="action" value={filter.action} />
        </label>
        <label>
          {t('moderation.log.q')} <input name="q" type="search" value={filter.q} />
        </label>
        <button type="submit">{t('moderation.log.filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p class="muted">{t('moderation.log.empty')}</p>
      ) : (
        <table class="log-table">
          <thead>
            <tr>
              <th>{t('moderation.log.when')}</th>
              <th>{t('moderation.log.who')}</th>
              <th>{t('moderation.log.what')}</th>
              <th>{t('moderation.log.why')}</th>
              <th>{t('moderation.log.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-log-action={row.action}>
                <td>{vc.tr.date(row.createdAt, 'long')}</td>
                <td>{name(row.actorId)}</td>
                <td>
                  <code>{row.action}</code> {row.targetType}
                  {row.targetId ? ` #${row.targetId}` : ''}
                  {row.targetUserId ? ` (@${name(row.targetUserId)})` : ''}
                </td>
                <td>{row.reason && hasMessage(vc.locale, row.reason) ? t(row.reason) : row.reason}</td>
                <td class="log-change">
                  <code>{json(row.before)}</code> → <code>{json(row.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextHref ? (
        <p>
          <a href={nextHref}>{t('moderation.log.older')}</a>
        </p>
      ) : null}
    </section>
  );
};
