import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { watchLevels, type WatchLevel } from '../schema.ts';

export type WatchControlProps = {
  vc: ViewContext;
  level: WatchLevel;
  /** Shown after a change made with htmx. */
  saved?: boolean;
  /** Where to come back to without JavaScript (default: this page). */
  next?: string;
} & ({ thread: { id: number }; category?: undefined } | { category: { slug: string }; thread?: undefined });

/** The member's notification level for a thread or a category: a labelled select; htmx swaps the form in place. */
export const WatchControl: FC<WatchControlProps> = ({ vc, level, saved, next, thread, category }) => {
  const kind = thread ? 'thread' : 'category';
  const action = thread ? `/t/${thread.id}/watch` : `/c/${encodeURIComponent(category!.slug)}/watch`;
  const id = thread ? `watch-thread-${thread.id}` : `watch-category-${category!.slug}`;
  return (
    <form class="watch-control" method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <input type="hidden" name="next" value={next ?? vc.path} />
      <label for={id}>{vc.t(`watching.label.${kind}`)}</label>{' '}
      <select id={id} name="level" data-autosubmit aria-describedby={`${id}-help`}>
        {watchLevels.map((l) => (
          <option value={l} selected={l === level}>
            {vc.t(`watching.level.${l}`)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="small">
        {vc.t('watching.save')}
      </button>
      <small id={`${id}-help`} class="help" aria-live="polite">
        {saved ? `${vc.t('watching.saved')} ` : null}
        {vc.t(`watching.help.${kind}.${level}`)}
      </small>
    </form>
  );
};
