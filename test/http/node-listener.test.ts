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

  it("writes a guest's cached page itself: gzipped, with security headers and the guest's own CSRF token", async () => {
    const miss = await send(port, page, { 'accept-encoding': 'gzip' });
    expect(miss.status).toBe(200);
    expect(miss.headers['x-page-cache']).toBeUndefined();

    const hit = await send(port, page, { 'accept-encoding': 'gzip, deflate, br', 'x-request-id': 'proxy-42' });
    expect(hit.status).toBe(200);
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.headers['content-encoding']).toBe('gzip');
    expect(hit.headers['content-security-policy']).toContain("default-src 'self'");
    expect(hit.headers['x-request-id']).toBe('proxy-42');
    expect(hit.headers.vary).toContain('Accept-Encoding');
    const cookie = ([] as string[]).concat(hit.headers['set-cookie'] ?? []).find((value) => value.startsWith('csrf='));
    const token = /^csrf=([a-z2-7]{32});/.exec(cookie ?? '')?.[1];
    expect(token).toBeDefined();
    expect(hit.body).toContain(`value="${token}"`);
    expect(hit.body).toContain('Served before the adapter');

    const plain = await send(port, page, { cookie: `csrf=${token}` });
    expect(plain.headers['x-page-cache']).toBe('hit');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['set-cookie']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.body));
    expect(plain.body).toContain(`value="${token}"`);
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
});
