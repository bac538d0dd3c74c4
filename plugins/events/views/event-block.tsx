import type { FC } from 'hono/jsx';
import { canAct, type ViewContext } from '../../../core/plugins/api.ts';
import { eventDomId, paths } from '../paths.ts';
import { rsvpChoices } from '../schema.ts';
import { formatInstant, formatRange } from '../service/format.ts';
import type { EventView } from '../service/load-events.ts';
import { canManage } from '../service/organisers.ts';
import { validTimeZone } from '../service/zoned-time.ts';
import { Csrf } from './inputs.tsx';

export interface SeriesInfo {
  frequency: 'weekly' | 'monthly';
  total: number;
}

export function viewerTimeZone(vc: ViewContext): string {
  return validTimeZone(vc.user?.timeZone ?? vc.site.timeZone);
}

/** One occurrence inside its thread: when, where, who, the viewer's reply; also the fragment RSVPs swap in. */
export const EventBlock: FC<{ vc: ViewContext; view: EventView; threadId: number; locked: boolean; series?: SeriesInfo | null; notice?: string; problem?: string; now?: Date }> = ({
  vc,
  view,
  threadId,
  locked,
  series,
  notice,
  problem,
  now = new Date(),
}) => {
  const { event, counts, mine } = view;
  const id = eventDomId(event.id);
  const where = { locale: vc.locale, timeZone: viewerTimeZone(vc) };
  const started = event.startsAt <= now;
  const ended = event.endsAt < now;
  const deadlinePassed = event.rsvpDeadline !== null && event.rsvpDeadline <= now;
  const full = event.capacity !== null && counts.going >= event.capacity;
  const manager = canManage(vc.user, view.organiserIds);
  const replying = vc.user !== null && canAct(vc.user) && !started && !locked;
  return (
    <section id={id} class="events-event" aria-labelledby={`${id}-when`}>
      <header class="events-head">
        <span class="badge">{vc.t('events.badge')}</span>
        {series ? <span class="meta">{vc.t('events.series', { n: event.occurrence, total: series.total, frequency: vc.t(`events.frequency.${series.frequency}`) })}</span> : null}
      </header>
      <dl class="events-facts">
        <dt>{vc.t('events.when')}</dt>
        <dd id={`${id}-when`}>
          <time datetime={event.startsAt.toISOString()}>{formatRange(event, where)}</time>
        </dd>
        {event.venue || event.onlineUrl ? <dt>{vc.t('events.where')}</dt> : null}
        {event.venue ? <dd class="events-venue">{event.venue}</dd> : null}
        {event.onlineUrl ? (
          <dd>
            {vc.t('events.online')}:{' '}
            <a href={event.onlineUrl} rel="nofollow noopener noreferrer" target="_blank">
              {event.onlineUrl}
            </a>
          </dd>
        ) : null}
      </dl>
      <p class="meta">{vc.t('events.organisedBy', { names: view.organisers.map((o) => o.username).join(', ') })}</p>
      <p class="events-counts meta">
        <span>{event.capacity !== null ? vc.t('events.places', { going: counts.going, capacity: event.capacity }) : vc.t('events.going', { count: counts.going })}</span>
        {counts.waitlisted > 0 ? <span>{vc.t('events.waitlist', { count: counts.waitlisted })}</span> : null}
        {counts.interested > 0 ? <span>{vc.t('events.interested', { count: counts.interested })}</span> : null}
        {event.rsvpDeadline && !started ? <span>{vc.t('events.deadline', { when: formatInstant(event.rsvpDeadline, where) })}</span> : null}
      </p>
      {problem ? (
        <div class="flash error" role="alert">
          {vc.t(problem)}
        </div>
      ) : null}
      {notice ? (
        <p class="flash success" role="status">
          {vc.t(notice)}
        </p>
      ) : null}
      {ended ? <p class="muted">{vc.t('events.status.ended')}</p> : started ? <p class="muted">{vc.t('events.status.started')}</p> : null}
      {mine ? <p class="events-mine">{vc.t(`events.mine.${mine}`, { place: view.waitlistPlace ?? 0 })}</p> : null}
      {replying ? (
        <form class="events-rsvp" method="post" action={paths.rsvp(threadId, event.id)} hx-post={paths.rsvp(threadId, event.id)} hx-target={`#${id}`} hx-swap="outerHTML">
          <Csrf vc={vc} />
          <fieldset>
            <legend class="visually-hidden">{vc.t('events.rsvp.legend')}</legend>
            {full && mine !== 'going' && mine !== 'waitlisted' && !deadlinePassed ? <p class="help">{vc.t('events.full')}</p> : null}
            <div class="events-choices">
              {rsvpChoices.map((choice) => {
                const current = mine === choice || (choice === 'going' && mine === 'waitlisted');
                const closed = deadlinePassed && choice !== 'not_going';
                return (
                  <button type="submit" name="choice" value={choice} class={current ? 'primary' : ''} aria-pressed={current ? 'true' : 'false'} disabled={closed || undefined}>
                    {vc.t(`events.rsvp.${choice}`)}
                  </button>
                );
              })}
            </div>
          </fieldset>
        </form>
      ) : !vc.user && !started ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(paths.anchor(threadId, event.id))}`}>{vc.t('events.signInToReply')}</a>
        </p>
      ) : null}
      <nav class="events-links">
        <a href={paths.ics(threadId, event.id)} download>
          {vc.t('events.addToCalendar')}
        </a>
        {manager && !started ? <a href={paths.edit(threadId, event.id)}>{vc.t('events.edit.link')}</a> : null}
        {manager ? <a href={paths.checkIn(threadId, event.id)}>{vc.t('events.checkIn')}</a> : null}
        {manager ? <a href={paths.csv(threadId, event.id)}>{vc.t('events.exportCsv')}</a> : null}
      </nav>
    </section>
  );
};
