import type { Child, FC } from 'hono/jsx';
import type { Category, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { CalendarEntry } from '../service/calendar.ts';
import { formatRange, formatTime } from '../service/format.ts';
import type { MonthGrid } from '../service/month.ts';
import { localDay } from '../service/zoned-time.ts';

export interface CalendarPageProps {
  vc: ViewContext;
  timeZone: string;
  categories: Category[];
  categoryId: number | null;
  upcoming: CalendarEntry[];
  moreAfter: string | null;
  grid: MonthGrid;
  monthEntries: CalendarEntry[];
}

const EntryLink: FC<{ entry: CalendarEntry; children?: Child }> = ({ entry, children }) => <a href={paths.anchor(entry.threadId, entry.event.id)}>{children}</a>;

/** The month's weekday names, Monday first, in the reader's language. */
function weekdays(locale: string): string[] {
  const monday = Date.UTC(2024, 0, 1); // a Monday
  return Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(monday + i * 86_400_000)));
}

const MonthView: FC<{ vc: ViewContext; timeZone: string; grid: MonthGrid; entries: CalendarEntry[]; categoryId: number | null }> = ({ vc, timeZone, grid, entries, categoryId }) => {
  const where = { locale: vc.locale, timeZone };
  const spans = entries.map((entry) => ({ entry, first: localDay(entry.event.startsAt, timeZone), last: localDay(entry.event.endsAt, timeZone) }));
  const on = (day: string) => spans.filter((s) => s.first <= day && day <= s.last).map((s) => s.entry);
  const [year, month] = grid.month.split('-').map(Number) as [number, number];
  const title = new Intl.DateTimeFormat(vc.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return (
    <section class="events-month" aria-labelledby="events-month-title">
      <header class="events-month-head">
        <a href={paths.calendar({ category: categoryId, month: grid.previous })} rel="prev">
          ← {vc.t('events.calendar.previous')}
        </a>
        <h2 id="events-month-title">{title}</h2>
        <a href={paths.calendar({ category: categoryId, month: grid.next })} rel="next">
          {vc.t('events.calendar.next')} →
        </a>
      </header>
      {entries.length === 0 ? <p class="muted">{vc.t('events.calendar.monthNone')}</p> : null}
      <table class="events-month-grid">
        <thead>
          <tr>
            {weekdays(vc.locale).map((name) => (
              <th scope="col">{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr>
              {week.map((day) => {
                const items = day ? on(day) : [];
                return (
                  <td class={`${day ? '' : 'is-outside'}${items.length ? ' has-events' : ''}`}>
                    {day ? (
                      <>
                        <span class="events-day">{Number(day.slice(8))}</span>
                        {items.length ? (
                          <ul>
                            {items.map((entry) => (
                              <li>
                                <EntryLink entry={entry}>
                                  <time datetime={entry.event.startsAt.toISOString()}>{formatTime(entry.event.startsAt, where)}</time> {entry.title}
                                </EntryLink>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

/** 活动日历: upcoming events and a month view across the categories where events are on. */
export const CalendarPage: FC<CalendarPageProps> = ({ vc, timeZone, categories, categoryId, upcoming, moreAfter, grid, monthEntries }) => {
  const where = { locale: vc.locale, timeZone };
  const feeds = categories.filter((c) => (categoryId ? c.id === categoryId : true) && c.readAccess === 'everyone');
  return (
    <div class="events-calendar stack">
      <h1>{vc.t('events.calendar.title')}</h1>
      <form method="get" action={paths.calendar()} class="events-filter">
        <label for="events-category">{vc.t('events.calendar.category')}</label>
        <select id="events-category" name="category">
          <option value="">{vc.t('events.calendar.all')}</option>
          {categories.map((category) => (
            <option value={String(category.id)} selected={category.id === categoryId}>
              {category.name}
            </option>
          ))}
        </select>
        <input type="hidden" name="month" value={grid.month} />
        <button type="submit">{vc.t('events.calendar.filter')}</button>
      </form>
      <p class="meta">{vc.t('events.calendar.timeZone', { zone: timeZone })}</p>
      <section aria-labelledby="events-upcoming-title">
        <h2 id="events-upcoming-title">{vc.t('events.calendar.upcoming')}</h2>
        {upcoming.length === 0 ? (
          <p class="muted">{vc.t('events.calendar.none')}</p>
        ) : (
          <ol class="events-upcoming">
            {upcoming.map((entry) => (
              <li>
                <EntryLink entry={entry}>{entry.title}</EntryLink>
                <span class="meta">
                  {' '}
                  <time datetime={entry.event.startsAt.toISOString()}>{formatRange(entry.event, where)}</time> · {entry.category.name}
                  {entry.event.venue ? ` · ${entry.event.venue}` : entry.event.onlineUrl ? ` · ${vc.t('events.online')}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
        {moreAfter ? (
          <p>
            <a href={`${paths.calendar({ category: categoryId, month: grid.month })}&after=${encodeURIComponent(moreAfter)}`}>{vc.t('events.calendar.more')}</a>
          </p>
        ) : null}
      </section>
      <MonthView vc={vc} timeZone={timeZone} grid={grid} entries={monthEntries} categoryId={categoryId} />
      {feeds.length ? (
        <ul class="events-feeds">
          {feeds.map((category) => (
            <li>
              <a href={paths.feed(category.id)}>{vc.t('events.calendar.subscribe', { category: category.name })}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};
