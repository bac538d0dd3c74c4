import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { Attendee } from '../service/attendees.ts';
import { formatRange } from '../service/format.ts';
import type { EventView } from '../service/load-events.ts';
import { viewerTimeZone } from './event-block.tsx';
import { Csrf } from './inputs.tsx';

/** One member on the check-in list: a big button to tap at the door, swapped in place by htmx. */
export const CheckInRow: FC<{ vc: ViewContext; threadId: number; eventId: number; attendee: Attendee }> = ({ vc, threadId, eventId, attendee }) => {
  const id = `events-checkin-${attendee.userId}`;
  const attended = attendee.attendedAt !== null;
  return (
    <li id={id} class={`events-checkin-row${attended ? ' is-attended' : ''}`}>
      <span class="events-checkin-name">
        <strong>{attendee.displayName}</strong> <span class="meta">@{attendee.username}</span>
        {attended ? <span class="badge">{vc.t('events.checkin.attended')}</span> : null}
      </span>
      <form method="post" action={paths.checkIn(threadId, eventId)} hx-post={paths.checkIn(threadId, eventId)} hx-target={`#${id}`} hx-swap="outerHTML">
        <Csrf vc={vc} />
        <input type="hidden" name="userId" value={String(attendee.userId)} />
        <input type="hidden" name="attended" value={attended ? '0' : '1'} />
        <button type="submit" class={attended ? '' : 'primary'} aria-label={`${vc.t(attended ? 'events.checkin.unmark' : 'events.checkin.mark')}: ${attendee.displayName}`}>
          {vc.t(attended ? 'events.checkin.unmark' : 'events.checkin.mark')}
        </button>
      </form>
    </li>
  );
};

/** "n of m attended"; re-sent out of band after each tap so the count at the top stays true. */
export const CheckInSummary: FC<{ vc: ViewContext; attendees: readonly Attendee[]; oob?: boolean }> = ({ vc, attendees, oob }) => {
  const going = attendees.filter((a) => a.status === 'going').length;
  const attended = attendees.filter((a) => a.attendedAt !== null).length;
  return (
    <p id="events-checkin-summary" class="events-checkin-summary" role="status" hx-swap-oob={oob ? 'true' : undefined}>
      {vc.t('events.checkin.summary', { attended, going })}
    </p>
  );
};

export const CheckInPage: FC<{ vc: ViewContext; threadId: number; title: string; view: EventView; attendees: Attendee[]; error?: string }> = ({
  vc,
  threadId,
  title,
  view,
  attendees,
  error,
}) => {
  const sections = (['going', 'waitlisted', 'interested'] as const).map((status) => ({ status, rows: attendees.filter((a) => a.status === status) }));
  return (
    <div class="events-checkin stack">
      <p>
        <a href={paths.anchor(threadId, view.event.id)}>{vc.t('events.backToThread', { title })}</a>
      </p>
      <h1>{vc.t('events.checkin.title', { title })}</h1>
      <p class="meta">{formatRange(view.event, { locale: vc.locale, timeZone: viewerTimeZone(vc) })}</p>
      <CheckInSummary vc={vc} attendees={attendees} />
      <p>
        <a href={paths.csv(threadId, view.event.id)}>{vc.t('events.exportCsv')}</a>
      </p>
      {attendees.length === 0 ? <p class="muted">{vc.t('events.checkin.empty')}</p> : null}
      {sections
        .filter((s) => s.rows.length > 0)
        .map((s) => (
          <section>
            <h2>{vc.t(`events.checkin.section.${s.status}`)}</h2>
            <ul class="events-checkin-list">
              {s.rows.map((attendee) => (
                <CheckInRow vc={vc} threadId={threadId} eventId={view.event.id} attendee={attendee} />
              ))}
            </ul>
          </section>
        ))}
      <section>
        <h2>{vc.t('events.organisers.title')}</h2>
        <ul class="events-organisers">
          {view.organisers.map((o) => (
            <li>
              @{o.username}
              {o.id === view.event.createdById ? (
                <span class="meta"> ({vc.t('events.organisers.creator')})</span>
              ) : (
                <form method="post" action={`${paths.organisers(threadId, view.event.id)}/remove`} class="inline">
                  <Csrf vc={vc} />
                  <input type="hidden" name="userId" value={String(o.id)} />
                  <button type="submit" class="small">
                    {vc.t('events.organisers.remove')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action={paths.organisers(threadId, view.event.id)} class="events-organiser-add">
          <Csrf vc={vc} />
          <div class={`field${error ? ' has-error' : ''}`}>
            <label for="events-organiser-username">{vc.t('events.organisers.username')}</label>
            <input id="events-organiser-username" name="username" autocomplete="off" aria-invalid={error ? 'true' : undefined} />
            {error ? (
              <small class="error-text" role="alert">
                {error}
              </small>
            ) : null}
          </div>
          <button type="submit">{vc.t('events.organisers.add')}</button>
        </form>
      </section>
    </div>
  );
};
