import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { forumRequestListener } from '../../core/http/node-listener.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch would set Host and decode gzip itself). */
function send(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe("Node's request listener", () => {
  let forum: TestForum;
  let server: Server;
  let port: number;
  let page: string;

  beforeEach(async () => {
    forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { user } = await forum.member({ username: 'lanewriter' });
    const c = await category(forum, { name: 'Lane', slug: 'lane' });
    const { thread: t } = await thread(forum, user, { categoryId: c.id, title: 'Served before the adapter' });
    page = threadPath(t);
    server = createServer(forumRequestListener(forum));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("writes a guest's cached page itself: compressed, with security headers, and the same bytes for every guest", async () => {
    const miss = await send(port, page, { 'accept-encoding': 'gzip' });
    expect(miss.status).toBe(200);
    expect(miss.headers['x-page-cache']).toBeUndefined();

    const hit = await send(port, page, { 'accept-encoding': 'gzip, deflate', 'x-request-id': 'proxy-42' });
    expect(hit.status).toBe(200);
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.headers['content-encoding']).toBe('gzip');
    expect(hit.headers['content-security-policy']).toContain("default-src 'self'");
    expect(hit.headers['x-request-id']).toBe('proxy-42');
    expect(hit.headers.vary).toContain('Accept-Encoding');
    expect(hit.headers['set-cookie']).toBeUndefined();
    expect(hit.body).toContain('Served before the adapter');
    expect(hit.body).not.toContain('_csrf');

    const plain = await send(port, page);
    expect(plain.headers['x-page-cache']).toBe('hit');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.body));
    expect(plain.body).toBe(hit.body);
  });

  it('hands everything else to the app: members, other methods, odd hosts', async () => {
    await send(port, page);
    expect((await send(port, page)).headers['x-page-cache']).toBe('hit');

    const { client } = await forum.member({ username: 'lanereader' });
    const sessionCookie = client.cookies.get('session');
    const member = await send(port, page, { cookie: `session=${sessionCookie}` });
    expect(member.status).toBe(200);
    expect(member.headers['x-page-cache']).toBeUndefined();
    expect(member.body).toContain('lanereader');

    expect((await send(port, page, {}, 'HEAD')).headers['x-page-cache']).toBeUndefined();
    expect((await send(port, page, { host: 'evil host' })).headers['x-page-cache']).toBeUndefined();
    // the adapter normalises an absolute-form target; the app's own lane may then answer it
    const absolute = await send(port, `http://127.0.0.1:${port}${page}`);
    expect(absolute.status).toBe(200);
    expect(absolute.body).toContain('Served before the adapter');
  });

  it("writes a member's thread page from their class's template, with the headers the app sends", async () => {
    const { client } = await forum.member({ username: 'lanemember', displayName: 'Lane Member' });
    const session = `session=${client.cookies.get('session')}`;
    const first = await send(port, page, { cookie: session, 'accept-encoding': 'gzip' });
    expect(first.headers['x-member-page']).toBeUndefined();
    const csrf = /^csrf=([a-z2-7]{32});/.exec(([] as string[]).concat(first.headers['set-cookie'] ?? []).find((v) => v.startsWith('csrf=')) ?? '')?.[1];
    expect(csrf).toBeDefined();
    const cookie = `${session}; csrf=${csrf}`;
    const fromApp = await send(port, page, { cookie, 'accept-encoding': 'gzip' });
    let fromLane = fromApp;
    await expect
      .poll(async () => (fromLane = await send(port, page, { cookie, 'accept-encoding': 'gzip', 'x-request-id': 'proxy-7' })).headers['x-member-page'], { timeout: 5000 })
      .toBe('template');
    expect(fromLane.headers['x-request-id']).toBe('proxy-7');
    expect(fromLane.body).toContain('Lane Member');
    expect(fromLane.body).toContain(`value="${csrf}"`);
    const comparable = (answer: Answer) => {
      const { date, connection, 'keep-alive': keepAlive, 'x-request-id': id, 'x-member-page': lane, 'content-length': length, 'set-cookie': cookies, ...rest } =
        answer.headers;
      void [date, connection, keepAlive, id, lane, length, cookies];
      return rest;
    };
    // the first answer came from the app (its cookie aside, the same headers); later ones may come from the lane
    expect(comparable(fromLane)).toEqual(comparable(first));
    expect(fromLane.body.replace(/name="_submission" value="[^"]*"/g, '')).toBe(fromApp.body.replace(/name="_submission" value="[^"]*"/g, ''));
  });
});
