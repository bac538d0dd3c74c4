import type { FC } from 'hono/jsx';
import type { Author } from '../../forum/service/people.ts';
import { hasMessage } from '../../i18n/index.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { QueueSection } from '../service/queue.ts';
import type { QueueAction, QueueEntry } from '../service/queue-types.ts';
import { ModerationNav } from './nav.tsx';

const keyOf: Record<QueueAction, string> = { approve: 'a', reject: 'r', dismiss: 'd' };

function actionLabel(vc: ViewContext, entry: QueueEntry, action: QueueAction): string {
  const reported = entry.source === 'reports';
  if (action === 'approve') return vc.t(reported ? 'moderation.queue.keep' : 'moderation.queue.approve');
  if (action === 'reject') return vc.t(reported ? 'moderation.queue.remove' : 'moderation.queue.reject');
  return vc.t('moderation.queue.dismiss');
}

/** An i18n key (automatic rules store keys) or text as it was given. */
function textOrKey(vc: ViewContext, value: string): string {
  return hasMessage(vc.locale, value) ? vc.t(value) : value;
}

export const QueueItemView: FC<{ vc: ViewContext; entry: QueueEntry; people: Map<number, Author> }> = ({ vc, entry, people }) => {
  const { t } = vc;
  const author = entry.authorId ? people.get(entry.authorId) : undefined;
  const base = `/review/${encodeURIComponent(entry.source)}/${encodeURIComponent(entry.key)}`;
  const id = `q-${entry.source}-${entry.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <article class="queue-item" id={id} tabindex={0} data-queue-item>
      <header>
        <h2 class="queue-title">{entry.url ? <a href={entry.url}>{entry.title}</a> : entry.title}</h2>
        <p class="meta small">
          {t('moderation.queue.by', { name: author ? author.displayName : t('moderation.queue.unknownAuthor') })} · {vc.tr.date(entry.createdAt, 'long')}
          {entry.meta.map((line) => (
            <> · {line}</>
          ))}
          {entry.hidden && entry.source === 'reports' ? <span class="badge held">{t('moderation.queue.hidden')}</span> : null}
        </p>
      </header>
      {entry.body ? <blockquote class="queue-body">{entry.body}</blockquote> : null}
      {entry.heldReason ? <p class="held-reason">{textOrKey(vc, entry.heldReason)}</p> : null}
      {entry.reasons.length ? (
        <ul class="queue-reasons">
          {entry.reasons.map((r) => (
            <li>
              {t('moderation.queue.reportedBy', {
                reason: hasMessage(vc.locale, `moderation.report.reason.${r.reason}`) && entry.source !== 'messages' ? t(`moderation.report.reason.${r.reason}`) : '',
                name: r.reporterId === null ? vc.t('moderation.log.system') : (people.get(r.reporterId)?.displayName ?? '?'),
              })}
              {r.text ? <q>{r.text}</q> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" class="queue-actions" hx-target={`#${id}`} hx-swap="outerHTML">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <label class="visually-hidden" for={`${id}-note`}>
          {t('moderation.queue.note')}
        </label>
        <input id={`${id}-note`} name="note" type="text" maxlength={500} placeholder={t('moderation.queue.note')} class="queue-note" />
        {entry.actions.map((action) => (
          <button type="submit" formaction={`${base}/${action}`} hx-post={`${base}/${action}`} class={action === 'reject' ? 'danger' : action === 'approve' ? 'primary' : undefined} data-queue-key={keyOf[action]}>
            {actionLabel(vc, entry, action)}
          </button>
        ))}
        {entry.editUrl ? (
          <a class="button" href={entry.editUrl} data-queue-key="e">
            {t('moderation.queue.edit')}
          </a>
        ) : null}
        {author ? (
          <a class="button" href={`/review/users/${encodeURIComponent(author.username)}`} data-queue-key="s">
            {t('moderation.queue.sanction')}
          </a>
        ) : null}
      </form>
    </article>
  );
};

export const QueueDone: FC<{ vc: ViewContext; action: QueueAction; title: string }> = ({ vc, action, title }) => (
  <article class="queue-item done" tabindex={0} data-queue-item>
    <p role="status">
      {title} — {vc.t(`moderation.queue.done.${action}`)}
    </p>
  </article>
);

export const ReviewPage: FC<{ vc: ViewContext; sections: QueueSection[]; counts: { id: string; labelKey: string; count: number }[]; only?: string; people: Map<number, Author> }> = ({
  vc,
  sections,
  counts,
  only,
  people,
}) => {
  const { t } = vc;
  const empty = sections.every((s) => s.entries.length === 0);
  return (
    <section class="review-queue" data-review-queue>
      <ModerationNav vc={vc} current="/review" />
      <h1>{t('moderation.queue.title')}</h1>
      <nav class="tabs" aria-label={t('moderation.queue.title')}>
        <a href="/review" aria-current={!only ? 'page' : undefined}>
          {t('moderation.queue.all')}
        </a>
        {counts.map((s) => (
          <a href={`/review?source=${encodeURIComponent(s.id)}`} aria-current={only === s.id ? 'page' : undefined}>
            {t(s.labelKey)} ({vc.tr.number(s.count)})
          </a>
        ))}
      </nav>
      <p class="muted small">{t('moderation.queue.keys')}</p>
      {empty ? <p class="muted">{t('moderation.queue.empty')}</p> : null}
      {sections
        .filter((s) => s.entries.length > 0)
        .map((s) => (
          <section class="queue-section">
            <h2>
              {t(s.source.labelKey)} ({vc.tr.number(s.count)})
            </h2>
            {s.entries.map((entry) => (
              <QueueItemView vc={vc} entry={entry} people={people} />
            ))}
          </section>
        ))}
    </section>
  );
};
