import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { definePlugin } from '../../core/plugins/api.ts';
import { registerAnalytics } from './analytics.ts';
import { attachComposerEvent, validateComposerEvent } from './hooks/composer-event.ts';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import { paths } from './paths.ts';
import { calendarRoute } from './routes/calendar.tsx';
import { addOrganiserRoute, checkInPage, checkInSubmit, removeOrganiserRoute } from './routes/check-in.tsx';
import { editForm, editSubmit } from './routes/edit.tsx';
import { exportRoute } from './routes/export.ts';
import { categoryFeedRoute, eventIcsRoute } from './routes/ics.ts';
import { rsvpRoute } from './routes/rsvp.tsx';
import { showEvent } from './routes/show.tsx';
import { eventsEvents, eventsOrganisers, eventsRsvps, eventsSeries } from './schema.ts';
import { REMIND_JOB, REMIND_SWEEP_JOB, sendReminders, sweepReminders, type RemindJob } from './service/reminders.ts';
import { SEARCH_TYPE, STARTS_FACET } from './service/create-event.ts';
import { eventsSettings } from './settings.ts';
import { composerEvent } from './views/composer-slot.tsx';
import { listBadge } from './views/list-badge.tsx';
import { threadEvents } from './views/thread-events.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Online and in-person events (线上/线下活动) with RSVPs, waitlists, check-in, reminders and calendars, per category. */
export default definePlugin({
  id: 'events',
  version: '1.0.0',
  coreApi: '^1.4.0',
  scope: 'category',
  settings: eventsSettings,
  categorySettings: ['whoCanCreate', 'reminderHours', 'maxOccurrences'],
  tables: { eventsSeries, eventsEvents, eventsOrganisers, eventsRsvps },
  migrations: path.join(here, 'migrations'),
  locales: { en, 'zh-CN': zhCN },
  assets: { 'events.css': path.join(here, 'assets', 'events.css') },
  setup(api) {
    // UI
    api.slot('head', 'events.css', () => <link rel="stylesheet" href={api.assetUrl('events.css')} />, { shared: true });
    const eventsBlock = threadEvents(api);
    api.slot('thread.belowFirstPost', 'events.thread', eventsBlock.render, { preload: eventsBlock.preload });
    api.slot('composer.extras', 'events.composer', composerEvent(api), { shared: true });
    // both read nothing of the viewer beyond their language and time zone: rendered once per class of members
    api.slot('thread.listItem', 'events.badge', listBadge(api), { shared: true });
    api.slot(
      'category.header',
      'events.calendar',
      ({ vc, category }) => (
        <p class="events-category-link">
          <a href={paths.calendar({ category: category.id })}>{vc.t('events.calendarLink')}</a>
        </p>
      ),
      { shared: true },
    );

    // a thread becomes an event in the composer
    api.filter('thread.beforeCreate', validateComposerEvent(api));
    api.action('thread.created', attachComposerEvent(api));
    // calendars filter by the event's category: it follows its thread
    api.action('thread.moved', async ({ thread, to }) => {
      await api.db.update(eventsEvents).set({ categoryId: to.id }).where(eq(eventsEvents.threadId, thread.id));
    });

    // replying, checking in, organising, exporting (tied to a readable thread where events are on)
    const thread = api.scope.thread();
    api.routes.get('/t/:threadId/e/:eventId', thread, showEvent(api));
    api.routes.post('/t/:threadId/e/:eventId/rsvp', thread, rsvpRoute(api));
    api.routes.get('/t/:threadId/e/:eventId/edit', thread, editForm(api));
    api.routes.post('/t/:threadId/e/:eventId/edit', thread, editSubmit(api));
    api.routes.get('/t/:threadId/e/:eventId/check-in', thread, checkInPage(api));
    api.routes.post('/t/:threadId/e/:eventId/check-in', thread, checkInSubmit(api));
    api.routes.post('/t/:threadId/e/:eventId/organisers', thread, addOrganiserRoute(api));
    api.routes.post('/t/:threadId/e/:eventId/organisers/remove', thread, removeOrganiserRoute(api));
    api.routes.get('/t/:threadId/e/:eventId/attendees.csv', thread, exportRoute(api));
    api.routes.get('/t/:threadId/e/:eventId/event.ics', thread, eventIcsRoute(api));
    // 活动日历 and the per-category iCalendar feed
    api.routes.get('/calendar', calendarRoute(api));
    api.routes.get('/c/:categoryId/calendar.ics', api.scope.category(), categoryFeedRoute(api));

    // reminders: a job at each event's reminder time, and an hourly sweep for any the queue lost
    api.job<RemindJob>(REMIND_JOB, async (data) => void (await sendReminders(api, data.eventId)));
    api.job(REMIND_SWEEP_JOB, () => sweepReminders(api), { cron: '7 * * * *' });
    api.notificationType('promoted', { messageKey: 'events.notification.promoted' });
    api.notificationType('reminder', { messageKey: 'events.notification.reminder' });

    registerAnalytics(api);
    // occurrences are found on /search, filtered by their date
    api.search.type({ name: SEARCH_TYPE, labelKey: 'events.search.type', facets: [{ key: STARTS_FACET, kind: 'date', labelKey: 'events.search.startsAt' }] });
  },
});
