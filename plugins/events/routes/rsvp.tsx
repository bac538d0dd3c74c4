import { UserError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { rsvpChoices, type RsvpChoice } from '../schema.ts';
import { loadEvents } from '../service/load-events.ts';
import { setRsvp } from '../service/rsvp.ts';
import type { EventsApi } from '../settings.ts';
import { findEvent, isHtmx, redirectAfterPost, scopedThread, type EventsContext } from './context.ts';
import { respondWithEvent } from './show.tsx';

/**
 * POST /t/:threadId/e/:eventId/rsvp — going / interested / not going. With htmx the answer is the updated
 * block (refusals inline: 409 started or closed, 422 an unknown choice); without, a redirect.
 */
export function rsvpRoute(api: EventsApi) {
  return async function eventsRsvp(c: EventsContext) {
    const thread = scopedThread(c);
    const user = c.get('user');
    if (!user) throw new UserError(403, 'events.error.loginRequired');
    if (thread.locked) throw new UserError(403, 'events.error.notAllowed');
    const view = await findEvent(api.db, c);
    const body = await c.req.parseBody();
    const choice = rsvpChoices.find((value) => value === body.choice) as RsvpChoice | undefined;
    if (!choice) {
      if (isHtmx(c)) return respondWithEvent(api, c, view, { problem: 'events.error.choice', status: 422 });
      throw new UserError(422, 'events.error.choice');
    }
    try {
      const result = await setRsvp(api, view.event.id, user, choice);
      if (!isHtmx(c)) return redirectAfterPost(c, paths.anchor(thread.id, view.event.id));
      const [fresh] = await loadEvents(api.db, { eventIds: [view.event.id], viewerId: user.id });
      return respondWithEvent(api, c, fresh ?? view, { notice: result.status === 'waitlisted' && result.changed ? 'events.notice.waitlisted' : 'events.notice.saved' });
    } catch (error) {
      if (error instanceof UserError && error.status === 409 && isHtmx(c)) return respondWithEvent(api, c, view, { problem: error.messageKey, status: 409 });
      throw error;
    }
  };
}
