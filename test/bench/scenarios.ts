import type autocannon from 'autocannon';
import type { BenchFixtures } from './fixtures.ts';
import type { Scenario } from './measure.ts';

/** Read scenarios: anonymous, then signed in (session look-up, unread state, personal counts). */
export function forumScenarios(url: string, f: BenchFixtures): Scenario[] {
  // what every browser sends; the bare hello-world baseline gets the same headers
  const guest = browserHeaders;
  // each request is a different member in turn (200 of them): what one member's reads keep in memory
  // for a few seconds is not the whole story, as it would be with a single session
  let turn = 0;
  const asMembers = (path: string): Pick<Scenario, 'requests' | 'headers'> => ({
    headers: browserHeaders,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path, headers: { ...browserHeaders, ...req.headers, cookie: f.sessions[turn++ % f.sessions.length]!.cookie } }) }],
  });
  return [
    { name: 'home (latest)', url, path: '/', headers: guest },
    { name: 'category listing', url, path: f.category, headers: guest },
    { name: 'thread page (20 posts)', url, path: f.thread, headers: guest },
    { name: 'long thread page 1', url, path: f.longThreadFirst, headers: guest },
    { name: 'long thread last page', url, path: f.longThreadLast, headers: guest },
    { name: 'profile', url, path: f.profile, headers: guest },
    ...(f.searchable ? [{ name: 'search', url, path: `/search?q=${encodeURIComponent('二手 自行车')}`, headers: guest }] : []),
    { name: 'home, signed in', url, path: '/', ...asMembers('/') },
    { name: 'thread page, signed in', url, path: f.thread, ...asMembers(f.thread) },
  ];
}

/** Request headers a browser sends on a page load. */
export const browserHeaders: Record<string, string> = {
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.8',
};

/** 10 % replies, 20 % likes, 70 % reads, spread over many signed-in members. */
export function writeMixScenario(url: string, f: BenchFixtures): Scenario {
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
  const signedIn = (req: autocannon.Request): autocannon.Request => {
    const session = pick(f.sessions);
    return { ...req, headers: { ...req.headers, cookie: session.cookie, origin: url, 'x-csrf-token': session.csrf } };
  };
  const reply: autocannon.Request = {
    method: 'POST',
    setupRequest: (req) => {
      const body = new URLSearchParams({ raw: `Benchmark reply ${Math.random().toString(36).slice(2)} 基准测试回复 ${Date.now()}` }).toString();
      return signedIn({ ...req, path: `/t/${pick(f.replyThreadIds)}/reply`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    },
  };
  const like: autocannon.Request = {
    method: 'POST',
    setupRequest: (req) => signedIn({ ...req, path: `/p/${pick(f.likePostIds)}/like`, headers: { 'hx-request': 'true' } }),
  };
  const read = (path: string): autocannon.Request => ({ method: 'GET', setupRequest: (req) => signedIn({ ...req, path }) });
  return {
    name: 'write mix (10% reply, 20% like, 70% read)',
    url,
    requests: [reply, like, read(f.thread), read('/'), like, read(f.category), read(f.thread), read(f.profile), read('/'), read(f.thread)],
  };
}

/** The yardstick for signed-in pages (test/bench/viewer-reads.ts): a thread page's per-viewer reads, nothing rendered. */
export function viewerReadsScenario(url: string, f: BenchFixtures): Scenario {
  return { name: 'per-viewer reads only, no page (signed in)', url, path: '/', headers: { ...browserHeaders, cookie: f.sessions[0]!.cookie } };
}
