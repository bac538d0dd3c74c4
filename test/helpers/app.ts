import { createSession } from '../../core/accounts/service/sessions.ts';
import { createUser, type NewUserInput } from '../../core/accounts/service/users.ts';
import type { User } from '../../core/accounts/schema.ts';
import { createForum, type Forum } from '../../core/bootstrap.ts';
import { loadConfig } from '../../core/config/index.ts';
import { createLogger } from '../../core/logger.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { resetDatabase, testDatabase } from './db.ts';
import type { PluginDefinition } from '../../core/plugins/manifest.ts';

export const TEST_ORIGIN = 'http://forum.test';

export interface TestForum extends Forum {
  /** A browser-like client: keeps cookies, sends Origin and the CSRF token. */
  client(): TestClient;
  /** A member (created with defaults where not given) and a signed-in client for them. */
  member(input?: Partial<NewUserInput>): Promise<{ user: User; client: TestClient }>;
}

export interface TestForumOptions {
  /** Finish the setup wizard (default true): most tests want a working forum. */
  setup?: boolean;
  env?: Record<string, string>;
  /** Plugins to load (default none: core tests do not depend on first-party plugins). */
  plugins?: PluginDefinition[];
}

let counter = 0;
/** The previous test forum of this worker: closed when the next one starts (its jobs, live bus, listeners). */
let previous: Forum | undefined;

/** A forum on the worker's shared test database, emptied first. */
export async function createTestForum(options: TestForumOptions = {}): Promise<TestForum> {
  const database = await testDatabase();
  await previous?.close().catch(() => {});
  await resetDatabase(database);
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent', PAGE_CACHE_MS: '0', ...options.env });
  const forum = await createForum({ config, database, logger: createLogger('silent'), migrate: false, plugins: options.plugins ?? [] });
  if (options.setup !== false) {
    await updateSiteSettings(forum.deps.db, { setupComplete: true, forumName: 'Test Forum', setupToken: null });
  }
  previous = forum;
  const client = () => new TestClient(forum);
  return {
    ...forum,
    client,
    async member(input = {}) {
      counter += 1;
      const user = await createUser(forum.deps.db, {
        username: input.username ?? `member${counter}`,
        email: input.email ?? `member${counter}@example.com`,
        password: input.password ?? 'correct horse battery',
        displayName: input.displayName,
        role: input.role,
        locale: input.locale,
      });
      const c = client();
      const { token } = await createSession(forum.deps.db, user.id);
      c.cookies.set('session', token);
      return { user, client: c };
    },
  };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  /** Extra headers for every request (e.g. Accept-Language). */
  readonly headers: Record<string, string> = {};
  constructor(private readonly forum: Forum) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.forum.app.request(new URL(path, TEST_ORIGIN).toString(), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** The CSRF token as a page would embed it (fetched from a page the first time). */
  async csrf(): Promise<string> {
    if (!this.cookies.has('csrf')) await this.get('/healthz').then(() => this.get('/'));
    return this.cookies.get('csrf') ?? '';
  }

  /** Submits a form the way a browser does: same Origin, `_csrf` field. */
  async post(path: string, fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    body.set('_csrf', await this.csrf());
    for (const [k, v] of Object.entries(fields)) {
      for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    }
    return this.request(path, {
      method: 'POST',
      body,
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** An htmx request: HX-Request header and the CSRF header instead of a field. */
  async htmx(method: 'GET' | 'POST' | 'DELETE', path: string, fields: Record<string, string> = {}): Promise<Response> {
    const token = await this.csrf();
    const headers: Record<string, string> = { 'hx-request': 'true', origin: TEST_ORIGIN, 'x-csrf-token': token };
    if (method === 'GET') return this.request(path, { headers });
    return this.request(path, {
      method,
      body: new URLSearchParams(fields),
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
}
