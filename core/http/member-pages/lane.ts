import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, serialize } from 'hono/utils/cookie';
import { noteSeen } from '../../accounts/middleware.ts';
import { validateSessionCached } from '../../accounts/service/session-cache.ts';
import { activityRecorderFor } from '../../activity/recorder.ts';
import { viewerReadsFor } from '../../cache/viewer-reads.ts';
import { isSilenced } from '../../forum/permissions.ts';
import { likedByViewer } from '../../forum/service/likes.ts';
import { negotiateLocale } from '../../i18n/index.ts';
import { mustAcceptRules } from '../../moderation/service/community-rules.ts';
import { headerCounts } from '../../notifications/middleware.ts';
import { getSiteSettings } from '../../site/settings.ts';
import { markRead, watchLevel } from '../../watching/index.ts';
import { CSRF_COOKIE, LOCALE_COOKIE, SESSION_COOKIE } from '../cookies.ts';
import type { AppDeps } from '../deps.ts';
import { nodeHeader, plainHost, type LaneAnswer, type LaneRequest } from '../guest-lane.ts';
import { securityHeaderValues } from '../middleware/security-headers.ts';
import { memberPageKey, memberPagesFor } from './store.ts';
import { acceptsGzip } from '../accept-encoding.ts';

const tokenShape = /^[a-z2-7]{32}$/;
const validRequestId = /^[\w.-]{1,64}$/;
/** A thread page exactly as the app links it: `/t/<id>/<slug>`, optionally `?page=<n>`. */
const threadPage = /^\/t\/[0-9]+\/[^/?#]*(?:\?page=[0-9]+)?$/;

/** A request the lane may answer: a member's GET of a full thread page, with well-formed cookies. */
export interface MemberLaneRequest extends LaneRequest {
  sessionToken: string;
  csrfToken: string;
  cookies: Record<string, string>;
}

/**
 * Members' thread pages answered before the app runs, like guests' pages (core/http/guest-lane.ts), from
 * the template the member's class shares (core/http/member-pages/template.tsx): no routing, no middleware,
 * no render. Everything the app would do for the request is done here too: the session is checked (and
 * renewed, as the session middleware would), suspended, banned and silenced members and those who must
 * accept new rules are left to the app, the language is negotiated as the app does, the member's own reads (likes,
 * watch level, header counts) come from their per-member store, and the visit is recorded (last seen,
 * active day, page view, thread view, read position).
 *
 * A page whose template is not held (none made yet for the class and URL, or a write emptied them) goes to
 * the app, which renders the template and keeps it for the next member.
 */
export function memberLane(deps: AppDeps) {
  const { db, logger } = deps;
  const security = securityHeaderValues({ https: deps.origin.startsWith('https://') });
  const templates = memberPagesFor(deps);
  const ownReads = viewerReadsFor(deps);
  const activity = activityRecorderFor(db, logger);
  const sessionCookie = { httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.origin.startsWith('https://') } as const;

  /** Cheap checks, made synchronously for every request: most are not for this lane. */
  function candidate(request: LaneRequest, path: string): MemberLaneRequest | undefined {
    if (request.method !== 'GET' || !threadPage.test(path) || request.header('hx-request') !== undefined) return undefined;
    const cookieHeader = request.header('cookie');
    if (!cookieHeader) return undefined;
    const cookies = parse(cookieHeader);
    const sessionToken = cookies[SESSION_COOKIE];
    const csrfToken = cookies[CSRF_COOKIE];
    if (!sessionToken || !tokenShape.test(sessionToken) || !csrfToken || !tokenShape.test(csrfToken)) return undefined;
    return { ...request, sessionToken, csrfToken, cookies };
  }

  async function answer(request: MemberLaneRequest): Promise<LaneAnswer | undefined> {
    const validation = await validateSessionCached(deps, request.sessionToken);
    if (!validation) return undefined;
    const { user, session } = validation;
    if (user.status !== 'active' || isSilenced(user)) return undefined;
    const [site, rules] = await Promise.all([getSiteSettings(db), mustAcceptRules(db, user)]);
    if (rules) return undefined;
    const locale = negotiateLocale({
      preference: user.locale,
      cookie: request.cookies[LOCALE_COOKIE],
      acceptLanguage: request.header('accept-language'),
      siteDefault: site.defaultLocale,
    });
    const held = templates.peek(memberPageKey(user, locale, request.url));
    if (!held) return undefined;
    const template = await held;
    const { threadId, postIds, lastShown } = template.meta;

    noteSeen(db, user, logger);
    const day = activity.dayIn(site.timeZone);
    void activity.recordActive(user.id, day);
    deps.views.add(threadId);
    const marking = lastShown ? markRead(db, user.id, threadId, lastShown) : undefined;
    const [likes, watch, counts] = await Promise.all([
      ownReads.get(user.id, `likes:${postIds.join()}`, () => likedByViewer(db, user.id, postIds)),
      ownReads.get(user.id, `watch:${threadId}`, () => watchLevel(db, user.id, threadId)),
      ownReads.get(user.id, 'headerCounts', () => headerCounts(db, user.id)),
    ]);
    const gzip = acceptsGzip(request.header('accept-encoding'));
    const body = await template.fill({
      user,
      csrfToken: request.csrfToken,
      unreadNotifications: counts.notifications,
      unreadConversations: counts.conversations,
      state: { liked: (postId) => likes.has(postId), watch },
    }, { gzip });
    await marking;
    activity.countView(day, 'member');

    const incomingId = request.header('x-request-id');
    const headers: Record<string, string> = {
      ...security,
      'content-type': 'text/html; charset=UTF-8',
      'content-language': locale,
      'cache-control': 'private, no-cache',
      vary: gzip ? 'Accept-Language, Cookie, HX-Request, Accept-Encoding' : 'Accept-Language, Cookie, HX-Request',
      'x-request-id': incomingId && validRequestId.test(incomingId) ? incomingId : randomUUID(),
      'x-member-page': 'template',
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    // this request found the session due for renewal (and renewed it): the new expiry goes to the browser
    if (validation.renewed) headers['set-cookie'] = serialize(SESSION_COOKIE, request.sessionToken, { ...sessionCookie, expires: session.expiresAt });
    return { status: 200, headers, body };
  }

  return { candidate, answer };
}

export type MemberLane = ReturnType<typeof memberLane>;

/** The lane for this forum, or none when nothing is kept in memory (`PAGE_CACHE_MS=0`). */
export function memberLaneFor(deps: AppDeps): MemberLane | undefined {
  return deps.config.PAGE_CACHE_MS > 0 ? memberLane(deps) : undefined;
}

/**
 * For Node's server, after the guests' lane: a member's thread page written with one `writeHead` and one
 * `end`, or false (synchronously, for almost every request) to let the adapter handle it. A failure here
 * (the database gone while reading the member's likes) leaves the request to the app, which answers it
 * with its error pages.
 */
export function memberLaneForNode(lane: MemberLane, log: (error: unknown) => void) {
  return (incoming: IncomingMessage, outgoing: ServerResponse, fallBack: () => void): boolean => {
    const host = incoming.headers.host;
    const path = incoming.url;
    if (!host || !plainHost.test(host) || !path || path[0] !== '/') return false;
    const scheme = (incoming.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const request = lane.candidate({ method: incoming.method ?? '', url: `${scheme}://${host}${path}`, header: nodeHeader(incoming) }, path);
    if (!request) return false;
    lane.answer(request).then(
      (found) => {
        if (!found) return fallBack();
        found.headers['content-length'] = String(found.body.length);
        outgoing.writeHead(found.status, found.headers);
        outgoing.end(found.body);
      },
      (error: unknown) => {
        log(error);
        fallBack();
      },
    );
    return true;
  };
}

/** For the app's `fetch` (tests, other runtimes): a `Response`, or undefined to dispatch as usual. */
export function memberLaneForFetch(lane: MemberLane, log: (error: unknown) => void) {
  return (request: Request): Promise<Response | undefined> | undefined => {
    const url = new URL(request.url);
    const candidate = lane.candidate(
      { method: request.method, url: request.url, header: (name) => request.headers.get(name) ?? undefined },
      `${url.pathname}${url.search}`,
    );
    if (!candidate) return undefined;
    return lane.answer(candidate).then(
      (found) => found && new Response(found.body, { status: found.status, headers: found.headers }),
      (error: unknown) => {
        log(error);
        return undefined;
      },
    );
  };
}
