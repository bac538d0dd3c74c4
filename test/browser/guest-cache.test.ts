import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../../core/i18n/index.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { browserSession } from './page-helpers.ts';
import { forumWithThread, startBrowserForum, translator, type BrowserForum } from './harness.ts';

// Guests' pages come from the cache before the app runs, compressed once and the same bytes for every guest:
// no CSRF token, no cookie (core/http/guest-lane.ts, core/http/page-encodings.ts). A real browser must read
// them, and a guest's form must work from them on its Origin alone (core/http/middleware/csrf.ts).
for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`guests' cached pages in ${locale}`, () => {
    const t = translator(locale);
    const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
    const title = locale === 'en' ? 'Cached for every guest' : '每位访客都能看到的缓存页面';
    let forum: BrowserForum;
    let path = '';

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { thread } = await forumWithThread(forum, { locale, forumName: 'Cache test', title, raw: `${title}: the body of the opening post.` });
      path = threadPath(thread);
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('a guest reads a compressed page from the cache and switches language from it', async () => {
      const { problems, open, step } = browserSession(forum, locale, 'guest-cache');
      const page = await open();
      await step('first visit renders the page and stores it', async () => {
        const first = await page.goto(path);
        expect(first?.headers()['x-page-cache']).toBeUndefined();
        await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
      });
      await step('later visits are compressed hits that read the same, with no cookie; a reload is a 304', async () => {
        // what the server answered (the browser reports a revalidated page as its cached 200)
        const statuses: number[] = [];
        forum.server.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
          if (request.url === path) response.on('finish', () => statuses.push(response.statusCode));
        });
        const again = await page.goto(path);
        const headers = again!.headers();
        expect(headers['x-page-cache']).toBe('hit');
        expect(headers['set-cookie']).toBeUndefined();
        // Chromium offers brotli only over HTTPS: gzip here, brotli behind a TLS proxy
        const offered = (await again!.request().allHeaders())['accept-encoding'] ?? '';
        expect(offered.includes('br') ? ['br', 'gzip'] : ['gzip']).toContain(headers['content-encoding']);
        await page.reload();
        await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        expect(statuses.at(-1)).toBe(304);
      });
      await step('the language form on the cached page posts without a token', async () => {
        await page.getByLabel(t('footer.language')).selectOption(other);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, other);
        expect(new URL(page.url()).pathname).toBe(path);
      });
      expect(problems).toEqual([]);
    });
  });
}
