import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, serialize } from 'hono/utils/cookie';
import { noteSeen } from '../../accounts/middleware.ts';
import { heldSessionNow, validateSessionCached } from '../../accounts/service/session-cache.ts';
import type { User } from '../../accounts/schema.ts';
import { activityRecorderFor } from '../../activity/recorder.ts';
import { viewerReadsFor } from '../../cache/viewer-reads.ts';
import { viewerReadKeys } from '../../cache/viewer-read-keys.ts';
import { isSilenced } from '../../forum/permissions.ts';
import { likedByViewer } from '../../forum/service/likes.ts';
import { negotiateLocale } from '../../i18n/index.ts';
import { mustAcceptRules, rulesPendingIfKnown } from '../../moderation/service/community-rules.ts';
import { headerCounts } from '../../notifications/middleware.ts';
import { getSiteSettings, siteSettingsIfCached, type SiteSettings } from '../../site/settings.ts';
import { alreadyMarked, markRead, watchLevel, type WatchLevel } from '../../watching/index.ts';
import { CSRF_COOKIE, LOCALE_COOKIE, SESSION_COOKIE } from '../cookies.ts';
import type { AppDeps } from '../deps.ts';
import { nodeLaneRequest, type LaneAnswer, type LaneRequest } from '../guest-lane.ts';
import { securityHeaderValues } from '../middleware/security-headers.ts';
import { memberPageKey, memberPagesFor, type ThreadPageMeta } from './store.ts';
import type { MemberTemplate } from './template.tsx';
import { acceptsGzip } from '../accept-encoding.ts';

const tokenShape = /^[a-z2-7]{32}$/;
const validRequestId = /^[\w.-]{1,64}$/;
/** A thread page exactly as the app links it: `/t/<id>/<slug>`, optionally `?page=<n>`. */
const threadPage = /^\/t\/[0-9]+\/[^/?#]*(?:\?page=[0-9]+)?$/;

const READ_FIRST = Symbol('read first');
type HeaderCounts = { notifications: number; conversations: number };

interface Found {
  user: User;
  /** Set when this request renewed the session. */
  renewedUntil: Date | undefined;
  site: SiteSettings;
  locale: string;
  template: MemberTemplate<ThreadPageMeta>;
  likes: Set<number>;
  watch: WatchLevel;
  counts: HeaderCounts;
}

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
 * renewed, as the session middleware would); suspended, banned and silenced members and those who must
 * accept new rules are left to the app; the language is negotiated as the app does; the member's own
 * reads (likes, watch level, header counts) come from their per-member store; and the visit is recorded
 * (last seen, active day, page view, thread view, read position).
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
  // what every answer carries, made once (the security headers, and what the thread route sets)
  const plainHeaders: Record<string, string> = {
    ...security,
    'content-type': 'text/html; charset=UTF-8',
    'cache-control': 'private, no-cache',
    vary: 'Accept-Language, Cookie, HX-Request',
    'x-member-page': 'template',
  };
  const gzipHeaders: Record<string, string> = { ...plainHeaders, vary: `${plainHeaders.vary}, Accept-Encoding`, 'content-encoding': 'gzip' };

  /** Cheap checks, made synchronously for every request: most are not for this lane. */
  function candidate(request: LaneRequest, path: string): MemberLaneRequest | undefined {
    if (request.method !== 'GET' || !threadPage.test(path) || request.header('hx-request') !== undefined) return undefined;
    const cookieHeader = request.header('cookie');
    if (!cookieHeader) return undefined;
    const cookies = parse(cookieHeader);
    const sessionToken = cookies[SESSION_COOKIE];
    const csrfToken = cookies[CSRF_COOKIE];
    if (!sessionToken || !tokenShape.test(sessionToken) || !csrfToken || !tokenShape.test(csrfToken)) return undefined;
    return { method: request.method, url: request.url, header: request.header, sessionToken, csrfToken, cookies };
  }

  /** The answer, at once when everything it needs is in memory (the usual case), else once it is read. */
  function answer(request: MemberLaneRequest): LaneAnswer | undefined | Promise<LaneAnswer | undefined> {
    const now = answerFromMemory(request);
    return now === READ_FIRST ? answerAfterReads(request) : now;
  }

  function answerFromMemory(request: MemberLaneRequest): LaneAnswer | undefined | Promise<LaneAnswer> | typeof READ_FIRST {
    const held = heldSessionNow(deps, request.sessionToken);
    if (!held) return READ_FIRST;
    const { user } = held;
    if (user.status !== 'active' || isSilenced(user)) return undefined;
    const site = siteSettingsIfCached();
    if (!site || rulesPendingIfKnown(user) === undefined) return READ_FIRST;
    const locale = localeOf(request, user, site);
    const key = memberPageKey(user, locale, request.url);
    // while an expired template is made again (by the one request that found it expired and went to the
    // app), members are answered from the one it replaces
    const template = (templates.peekNow(key) ?? templates.peekPrevious(key))?.value;
    if (!template) return templates.peek(key) ? READ_FIRST : undefined;
    const { threadId, postIds, lastShown } = template.meta;
    if (lastShown && !alreadyMarked(db, user.id, threadId, lastShown)) return READ_FIRST;
    const likes = ownReads.peekNow<Set<number>>(user.id, viewerReadKeys.likes(postIds));
    const watch = ownReads.peekNow<WatchLevel>(user.id, viewerReadKeys.watch(threadId));
    const counts = ownReads.peekNow<HeaderCounts>(user.id, viewerReadKeys.headerCounts);
    if (!likes || !watch || !counts) return READ_FIRST;
    return respond(request, { user, renewedUntil: undefined, site, locale, template, likes: likes.value, watch: watch.value, counts: counts.value });
  }

  async function answerAfterReads(request: MemberLaneRequest): Promise<LaneAnswer | undefined> {
    const validation = await validateSessionCached(deps, request.sessionToken);
    if (!validation) return undefined;
    const { user, session } = validation;
    if (user.status !== 'active' || isSilenced(user)) return undefined;
    const [site, rules] = await Promise.all([getSiteSettings(db), mustAcceptRules(db, user)]);
    if (rules) return undefined;
    const locale = localeOf(request, user, site);
    const key = memberPageKey(user, locale, request.url);
    const held = templates.peekPrevious(key)?.value ?? templates.peek(key);
    if (!held) return undefined;
    const template = await held;
    const { threadId, postIds, lastShown } = template.meta;
    const marking = lastShown ? markRead(db, user.id, threadId, lastShown) : undefined;
    const [likes, watch, counts] = await Promise.all([
      ownReads.getOrPrevious(user.id, viewerReadKeys.likes(postIds), () => likedByViewer(db, user.id, postIds)),
      ownReads.getOrPrevious(user.id, viewerReadKeys.watch(threadId), () => watchLevel(db, user.id, threadId)),
      ownReads.getOrPrevious(user.id, viewerReadKeys.headerCounts, () => headerCounts(db, user.id)),
      marking,
    ]);
    // this request found the session due for renewal (and renewed it): the new expiry goes to the browser
    const renewedUntil = validation.renewed ? session.expiresAt : undefined;
    return respond(request, { user, renewedUntil, site, locale, template, likes, watch, counts });
  }

  /** Records the visit as the app would, fills the template for the member and adds the app's headers. */
  function respond(request: MemberLaneRequest, found: Found): LaneAnswer | Promise<LaneAnswer> {
    const { user, site, locale, template, likes, watch, counts } = found;
    noteSeen(db, user, logger);
    const day = activity.dayIn(site.timeZone);
    void activity.recordActive(user.id, day);
    deps.views.add(template.meta.threadId);
    activity.countView(day, 'member');
    const gzip = acceptsGzip(request.header('accept-encoding'));
    const member = {
      user,
      csrfToken: request.csrfToken,
      unreadNotifications: counts.notifications,
      unreadConversations: counts.conversations,
      state: { liked: (postId: number) => likes.has(postId), watch },
    };
    const headersFor = (body: Buffer<ArrayBuffer>): LaneAnswer => {
      const incomingId = request.header('x-request-id');
      const headers: Record<string, string> = {
        ...(gzip ? gzipHeaders : plainHeaders),
        'content-language': locale,
        'x-request-id': incomingId && validRequestId.test(incomingId) ? incomingId : randomUUID(),
      };
      if (found.renewedUntil) headers['set-cookie'] = serialize(SESSION_COOKIE, request.sessionToken, { ...sessionCookie, expires: found.renewedUntil });
      return { status: 200, headers, body };
    };
    const body = template.fill(member, { gzip });
    return body instanceof Promise ? body.then(headersFor) : headersFor(body);
  }

  function localeOf(request: MemberLaneRequest, user: User, site: SiteSettings): string {
    return negotiateLocale({
      preference: user.locale,
      cookie: request.cookies[LOCALE_COOKIE],
      acceptLanguage: request.header('accept-language'),
      siteDefault: site.defaultLocale,
    });
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
    const seen = nodeLaneRequest(incoming);
    const request = seen && lane.candidate(seen, seen.path);
    if (!request) return false;
    const write = (found: LaneAnswer | undefined) => {
      if (!found) return fallBack();
      found.headers['content-length'] = String(found.body.length);
      outgoing.writeHead(found.status, found.headers);
      outgoing.end(found.body);
    };
    let answered: ReturnType<MemberLane['answer']>;
    try {
      answered = lane.answer(request);
    } catch (error) {
      log(error);
      fallBack();
      return true;
    }
    if (answered instanceof Promise) {
      answered.then(write, (error: unknown) => {
        log(error);
        fallBack();
      });
    } else write(answered);
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
    return Promise.resolve()
      .then(() => lane.answer(candidate))
      .then(
        (found) => found && new Response(found.body, { status: found.status, headers: found.headers }),
        (error: unknown) => {
          log(error);
          return undefined;
        },
      );
  };
}
