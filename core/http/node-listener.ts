import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Forum } from '../bootstrap.ts';
import { guestLaneFor, laneForNode } from './guest-lane.ts';

/**
 * What Node's HTTP server runs for each request: guests' cached pages are written straight away
 * (core/http/guest-lane.ts); everything else goes through @hono/node-server to the app.
 */
export function forumRequestListener(forum: Pick<Forum, 'app' | 'deps'>, hostname?: string): RequestListener {
  const adapter = getRequestListener(forum.app.fetch, { hostname });
  const lane = guestLaneFor(forum.deps);
  if (!lane) return adapter;
  const answerGuests = laneForNode(lane);
  return (incoming, outgoing) => {
    if (!answerGuests(incoming, outgoing)) void adapter(incoming, outgoing);
  };
}
