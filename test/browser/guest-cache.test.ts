import type { Locale } from '../../core/i18n/index.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { browserSession } from './page-helpers.ts';
import { forumWithThread, startBrowserForum, translator, type BrowserForum } from './harness.ts';

// Guests' pages come from the cache before the app runs, gzipped with each guest's CSRF token spliced in
// (core/http/guest-lane.ts, core/http/spliced-gzip.ts). A real browser must read them and post with them.
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

    test('a guest reads a gzipped page from the cache and switches language with its spliced CSRF token', async () => {
      const { problems, open, step } = browserSession(forum, locale, 'guest-cache');
      const page = await open();
      await step('first visit renders the page and stores it', async () => {
        const first = await page.goto(path);
        expect(first?.headers()['x-page-cache']).toBeUndefined();
        await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
      });
      await step('second visit is a gzipped hit that reads the same', async () => {
        const again = await page.goto(path);
        const headers = again!.headers();
        expect(headers['x-page-cache']).toBe('hit');
        expect(headers['content-encoding']).toBe('gzip');
        await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      });
      await step('the language form posts with the token from the cached page', async () => {
        await page.getByLabel(t('footer.language')).selectOption(other);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, other);
        expect(new URL(page.url()).pathname).toBe(path);
      });
      expect(problems).toEqual([]);
    });
  });
}
