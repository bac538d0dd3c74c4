import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Locale } from '../../core/i18n/index.ts';
import { createCategory } from '../../core/forum/service/categories.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { saveRuleConfig } from '../../core/moderation/service/settings.ts';
import { searchServiceOf } from '../../core/search/index.ts';
import { browserSession, screenshotsDir, signedInAs, type Person } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, file), fullPage: true });
}

const admin = { username: 'founder', email: 'founder@example.com', password: 'a long admin passphrase' } satisfies Person;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`search in ${locale}`, () => {
    const t = translator(locale);
    const zh = locale === 'zh-CN';
    const text = {
      category: zh ? '二手市场' : 'Marketplace',
      title: zh ? '出售二手自行车' : 'Selling my running shoes',
      other: zh ? '求购电脑显示器' : 'Looking for a monitor',
      query: zh ? '自行车' : 'run',
    };
    let forum: BrowserForum;
    beforeAll(async () => {
      forum = await startBrowserForum();
    });
    afterAll(async () => {
      await forum?.stop();
    });

    test('type in the header box → live results as you type → open one → Back keeps the query', async () => {
      const { problems, open, step } = browserSession(forum, locale, 'search');
      const page = await open();
      await step('set up the forum with two threads', async () => {
        await page.goto('/');
        await page.waitForURL(/\/setup$/);
        await page.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await page.getByLabel(t('setup.forumName'), { exact: true }).fill('Search test');
        await page.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await page.getByLabel(t('account.username'), { exact: true }).fill(admin.username);
        await page.getByLabel(t('account.email'), { exact: true }).fill(admin.email);
        await page.getByLabel(t('account.password'), { exact: true }).fill(admin.password);
        await page.getByRole('button', { name: t('setup.submit') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await signedInAs(page, admin.username);
        // content straight through the services: this test is about finding it
        const { db, plugins } = forum.server.forum.deps;
        await saveRuleConfig(db, null, { floodMinSeconds: 0 });
        const cat = await createCategory(db, { name: text.category, slug: 'market' });
        const [user] = await db.query.users.findMany({ limit: 1 });
        for (const title of [text.title, text.other]) {
          await createThread({ db, hooks: plugins.hooks, user: user!, restrictTags: false }, { categoryId: cat.id, title, raw: `${title} — details inside.` });
        }
        // the server's index worker would pick them up within a second; the first search is a plain page load
        await searchServiceOf(forum.server.forum.deps).drain();
      });

      await step('search from the header box', async () => {
        const box = page.getByRole('searchbox', { name: t('search.header.label') });
        await box.fill(text.other);
        await box.press('Enter');
        await page.waitForURL(/\/search\?q=/);
        await page.locator('.search-hit-title', { hasText: text.other }).waitFor();
      });

      await step('results update while typing, and the address follows', async () => {
        const input = page.getByRole('searchbox', { name: t('search.query') });
        await input.fill('');
        await input.pressSequentially(text.query, { delay: 80 });
        await page.locator('.search-hit-title', { hasText: text.title }).waitFor();
        await page.waitForURL((url) => url.searchParams.get('q') === text.query);
        // a shareable address: the query, not every empty filter of the form
        expect([...new URL(page.url()).searchParams.keys()]).toEqual(['q']);
        expect(await page.locator('.search-hit-title').count()).toBe(1);
        expect(await page.locator('.search-hit-title mark').count()).toBeGreaterThan(0);
        await screenshot(page, `search-results-${locale}.png`);
      });

      await step('keyboard: leaving the box for the first result keeps focus there, Enter opens it', async () => {
        const hit = page.locator('.search-hit-title').first();
        // leaving the box fires 'change': it must not re-fetch and swap the results away under the focus
        await hit.focus();
        await page.waitForTimeout(500);
        expect(await hit.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/t\/\d+/);
        await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
      });

      await step('Back returns to the results for the same query', async () => {
        await page.goBack();
        await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === text.query);
        await page.locator('.search-hit-title', { hasText: text.title }).waitFor();
      });

      await step('a query without matches shows suggestions', async () => {
        const input = page.getByRole('searchbox', { name: t('search.query') });
        await input.fill('zzqqxx');
        await page.getByRole('heading', { name: t('search.none.title', { q: 'zzqqxx' }) }).waitFor();
        await page.waitForURL((url) => url.searchParams.get('q') === 'zzqqxx');
        await screenshot(page, `search-none-${locale}.png`);
      });
      expect(problems).toEqual([]);
    });
  });
}
