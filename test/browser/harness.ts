import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import postgres from 'postgres';
import { ensureSetupToken } from '../../core/admin/setup.ts';
import { registerGlobals } from '../../core/bootstrap.ts';
import { loadConfig } from '../../core/config/index.ts';
import { createTranslator, type Locale } from '../../core/i18n/index.ts';
import { startServer, type RunningServer } from '../../core/server.ts';
import { createUser } from '../../core/accounts/service/users.ts';
import { createCategory } from '../../core/forum/service/categories.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the networking flags Chromium keeps dialling Google's hosts, which this sandbox refuses. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserForum {
  /** e.g. http://127.0.0.1:41234 — the server's BASE_URL, so CSRF origin checks pass. */
  baseUrl: string;
  server: RunningServer;
  browser: Browser;
  /** The one-time token the server printed at start. */
  setupToken(): Promise<string>;
  /** A fresh browser profile speaking `locale` (context locale and Accept-Language). */
  newPage(locale: Locale): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/**
 * The real server, in-process on a free loopback port, on a database of its own (a fresh PGlite
 * folder, or a fresh database on the server named by DATABASE_URL), plus a headless Chromium.
 */
export async function startBrowserForum(): Promise<BrowserForum> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'forum-browser-'));
  const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : undefined;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.FORUM_BROWSER_LOG ?? 'silent',
    DATABASE_URL: database?.url,
  });
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(config);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs });
  } catch (error) {
    await server?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const running = server;
  const openBrowser = browser;
  registerGlobals();

  return {
    baseUrl,
    server: running,
    browser: openBrowser,
    async setupToken() {
      const token = await ensureSetupToken(running.forum.deps.db);
      if (!token) throw new Error('Setup is already complete: there is no setup token.');
      return token;
    },
    async newPage(locale) {
      const context = await openBrowser.newContext({
        baseURL: baseUrl,
        locale,
        extraHTTPHeaders: { 'Accept-Language': locale === 'en' ? 'en' : `${locale},zh;q=0.9` },
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      return { context, page };
    },
    async stop() {
      await openBrowser.close().catch(() => {});
      await running.stop();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The start of most page tests: an admin ("founder"), setup done with `locale` as the default language, a
 * "General" category and one thread by the admin. Returns the thread with the admin and category.
 */
export async function forumWithThread(forum: BrowserForum, input: { locale: Locale; forumName: string; title: string; raw: string }) {
  const { db, plugins } = forum.server.forum.deps;
  const admin = await createUser(db, { username: 'founder', email: 'founder@example.com', password: 'a long admin passphrase', role: 'admin' });
  await updateSiteSettings(db, { forumName: input.forumName, defaultLocale: input.locale, setupComplete: true, setupToken: null });
  const category = await createCategory(db, { name: input.locale === 'en' ? 'General' : '综合', slug: 'general' });
  const { thread } = await createThread({ db, hooks: plugins.hooks, user: admin, restrictTags: false }, { categoryId: category.id, title: input.title, raw: input.raw });
  return { admin, category, thread };
}

/** The strings a member sees, from the same catalogs the server renders with. */
export function translator(locale: Locale): (key: string, params?: Record<string, string | number>) => string {
  registerGlobals();
  return createTranslator(locale).t;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Named after the run (see test/helpers/global-setup.ts), so a crashed run's database is dropped too. */
async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${process.env.FORUM_TEST_RUN ?? 'forum_test'}_browser_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await sql.end();
    },
  };
}
