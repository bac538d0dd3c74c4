import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Forum } from '../bootstrap.ts';
import { guestLaneFor, laneForNode } from './guest-lane.ts';
import { memberLaneFor, memberLaneForNode } from './member-pages/lane.ts';
import { dispatchWithoutLanes } from './app.ts';

/**
 * What Node's HTTP server runs for each request: guests' cached pages and members' thread pages from
 * their class's template are written straight away (core/http/guest-lane.ts, core/http/member-pages/lane.ts);
 * everything else goes through @hono/node-server to the app.
 */
export function forumRequestListener(forum: Pick<Forum, 'app' | 'deps'>, hostname?: string): RequestListener {
  const guests = guestLaneFor(forum.deps);
  const members = memberLaneFor(forum.deps);
  if (!guests || !members) return getRequestListener(forum.app.fetch, { hostname });
  // the lanes have seen every request by the time the adapter gets it: the app need not offer it to them again
  const adapter = getRequestListener(dispatchWithoutLanes(forum.app), { hostname });
  const answerGuests = laneForNode(guests);
  const answerMembers = memberLaneForNode(members, (err) => forum.deps.logger.warn({ err }, 'member lane failed; the app answers'));
  return (incoming, outgoing) => {
    if (answerGuests(incoming, outgoing)) return;
    if (answerMembers(incoming, outgoing, () => void adapter(incoming, outgoing))) return;
    void adapter(incoming, outgoing);
  };
}
