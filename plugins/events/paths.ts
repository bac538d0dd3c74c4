const root = '/plugins/events';

/** Every URL of the plugin, in one place. */
export const paths = {
  thread: (threadId: number) => `/t/${threadId}`,
  event: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}`,
  rsvp: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}/rsvp`,
  edit: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}/edit`,
  checkIn: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}/check-in`,
  organisers: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}/organisers`,
  csv: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}/attendees.csv`,
  ics: (threadId: number, eventId: number) => `${root}/t/${threadId}/e/${eventId}/event.ics`,
  anchor: (threadId: number, eventId: number) => `/t/${threadId}#events-event-${eventId}`,
  calendar: (query: { category?: number | null; month?: string | null } = {}) => {
    const params = new URLSearchParams();
    if (query.category) params.set('category', String(query.category));
    if (query.month) params.set('month', query.month);
    const qs = params.toString();
    return `${root}/calendar${qs ? `?${qs}` : ''}`;
  },
  feed: (categoryId: number) => `${root}/c/${categoryId}/calendar.ics`,
};

export const eventDomId = (eventId: number) => `events-event-${eventId}`;
