import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Thread } from '../schema.ts';

/** Staff tools on the thread header. Plain forms; with htmx the header is swapped in place. */
const Action: FC<{ vc: ViewContext; thread: Thread; action: string; label: string; value?: string; name?: string; danger?: boolean; confirm?: string }> = ({
  vc,
  thread,
  action,
  label,
  value,
  name,
  danger,
  confirm,
}) => (
  <form method="post" action={`/t/${thread.id}/${action}`} hx-post={`/t/${thread.id}/${action}`} hx-target="#thread-header" hx-swap="outerHTML">
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    {name ? <input type="hidden" name={name} value={value} /> : null}
    <button type="submit" class={danger ? 'small danger' : 'small'} data-confirm={confirm}>
      {label}
    </button>
  </form>
);

export const StaffControls: FC<{ vc: ViewContext; thread: Thread }> = ({ vc, thread }) => {
  const { t } = vc;
  return (
    <div class="staff-controls" role="group" aria-label={t('forum.staff.label')}>
      <form method="post" action={`/t/${thread.id}/pin`} hx-post={`/t/${thread.id}/pin`} hx-target="#thread-header" hx-swap="outerHTML" class="inline">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <label>
          <span class="visually-hidden">{t('forum.staff.pin')}</span>
          <select name="pinned" aria-label={t('forum.staff.pin')}>
            {(['none', 'category', 'global'] as const).map((p) => (
              <option value={p} selected={thread.pinned === p}>
                {t(`forum.staff.pin.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="small">
          {t('forum.staff.pinApply')}
        </button>
      </form>
      <Action vc={vc} thread={thread} action="lock" name="locked" value={thread.locked ? '0' : '1'} label={t(thread.locked ? 'forum.staff.unlock' : 'forum.staff.lock')} />
      <Action vc={vc} thread={thread} action="feature" name="featured" value={thread.featured ? '0' : '1'} label={t(thread.featured ? 'forum.staff.unfeature' : 'forum.staff.feature')} />
      <a class="button small" href={`/t/${thread.id}/moderate`}>
        {t('moderation.thread.tools')}
      </a>
      {thread.deletedAt ? (
        <Action vc={vc} thread={thread} action="restore" label={t('forum.staff.restoreThread')} />
      ) : (
        <Action vc={vc} thread={thread} action="delete" label={t('forum.staff.deleteThread')} danger confirm={t('forum.thread.deleteConfirm')} />
      )}
    </div>
  );
};
