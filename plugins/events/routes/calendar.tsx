import { renderPage } from '../../../core/plugins/api.ts';
import { calendarCategories, listCalendar } from '../service/calendar.ts';
import { monthGrid, monthOrCurrent } from '../service/month.ts';
import { validTimeZone } from '../service/zoned-time.ts';
import type { EventsApi } from '../settings.ts';
import { CalendarPage } from '../views/calendar-page.tsx';
import { vcOf, type EventsContext } from './context.ts';

const PAGE = 20;
const MONTH_LIMIT = 500;

/** `after` is "<iso start>_<id>" of the last entry shown. */
function parseAfter(value: string | undefined): { startsAt: Date; id: number } | null {
  const m = value ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)_(\d{1,10})$/.exec(value) : null;
  if (!m) return null;
  const startsAt = new Date(m[1]!);
  return Number.isNaN(startsAt.getTime()) ? null : { startsAt, id: Number(m[2]) };
}

/** GET /calendar?category=&month=yyyy-mm&after= — in the viewer's time zone. */
export function calendarRoute(api: EventsApi) {
  return async function eventsCalendar(c: EventsContext) {
    const vc = vcOf(c);
    const timeZone = validTimeZone(c.get('user')?.timeZone ?? vc.site.timeZone);
    const categories = await calendarCategories(api, c.get('user'));
    const asked = Number(c.req.query('category'));
    const categoryId = categories.some((cat) => cat.id === asked) ? asked : null;
    const categoryIds = categoryId ? [categoryId] : categories.map((cat) => cat.id);
    const grid = monthGrid(monthOrCurrent(c.req.query('month'), timeZone), timeZone);
    const [upcomingPlusOne, monthEntries] = await Promise.all([
      listCalendar(api, { from: new Date(), categoryIds, after: parseAfter(c.req.query('after')), limit: PAGE + 1 }),
      listCalendar(api, { from: grid.start, to: grid.end, categoryIds, limit: MONTH_LIMIT }),
    ]);
    const upcoming = upcomingPlusOne.slice(0, PAGE);
    const last = upcoming[upcoming.length - 1];
    const moreAfter = upcomingPlusOne.length > PAGE && last ? `${last.event.startsAt.toISOString()}_${last.event.id}` : null;
    return renderPage(c as never, { title: vc.t('events.calendar.title') }, (
      <CalendarPage vc={vc} timeZone={timeZone} categories={categories} categoryId={categoryId} upcoming={upcoming} moreAfter={moreAfter} grid={grid} monthEntries={monthEntries} />
    ));
  };
}
