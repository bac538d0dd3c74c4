import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../core/i18n/index.ts';
import { watchForPageProblems, watchLiveStream, screenshotsDir, type Person, browserSession, signedInAs, registerMember } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const screenshots = screenshotsDir;

const people = {
  admin: { username: 'founder', email: 'founder@example.com', password: 'a long admin passphrase' },
  author: { username: 'hiker', email: 'hiker@example.com', password: 'hiker passphrase here' },
  replier: { username: 'walker', email: 'walker@example.com', password: 'walker passphrase here' },
} satisfies Record<string, Person>;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`notifications and live updates in ${locale}`, () => {
    const t = translator(locale);
    const zh = locale === 'zh-CN';
    const text = {
      forumName: zh ? '邻里社区' : 'Neighbourhood',
      category: zh ? '户外活动' : 'Outdoors',
      title: zh ? '周末有人一起爬山吗' : 'Anyone up for a hike this weekend',
      body: zh ? '计划周六早上八点出发，欢迎报名。' : 'Planning to leave Saturday at eight, everyone welcome.',
      reply: zh ? '算我一个！要带午饭吗？' : 'Count me in! Should I bring lunch?',
    };
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('a mention lights the bell live, the new reply loads in place, the notification leads to the post', async () => {
      const { pages, contexts, problems, open, step } = browserSession(forum, locale, 'notifications');
      const register = (page: Page, person: Person) => registerMember(page, t, person);

      await step('set up the forum and a category', async () => {
        const page = await open();
        await page.goto('/');
        await page.waitForURL(/\/setup$/);
        await page.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await page.getByLabel(t('setup.forumName'), { exact: true }).fill(text.forumName);
        await page.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await page.getByLabel(t('account.username'), { exact: true }).fill(people.admin.username);
        await page.getByLabel(t('account.email'), { exact: true }).fill(people.admin.email);
        await page.getByLabel(t('account.password'), { exact: true }).fill(people.admin.password);
        await page.getByRole('button', { name: t('setup.submit') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await signedInAs(page, people.admin.username);
        await page.goto('/admin/categories');
        await page.getByRole('link', { name: t('forum.admin.create') }).click();
        await page.getByLabel(t('forum.admin.name'), { exact: true }).fill(text.category);
        await page.getByRole('button', { name: t('forum.admin.createSubmit') }).click();
        await page.waitForURL((url) => url.pathname === '/admin/categories');
        await page.getByRole('status').getByText(t('common.saved')).waitFor();
      });

      const author = await open();
      await watchLiveStream(author);
      const replier = await open();
      await step('two members register', async () => {
        await register(author, people.author);
        await register(replier, people.replier);
      });

      const threadPath = await step('the author starts a thread and stays on it', async () => {
        await author.locator('nav.account-nav').getByRole('link', { name: t('nav.newThread') }).click();
        await author.waitForURL((url) => url.pathname === '/new');
        await author.getByLabel(t('forum.composer.category'), { exact: true }).selectOption({ label: text.category });
        await author.getByLabel(t('forum.composer.title'), { exact: true }).fill(text.title);
        await author.getByLabel(t('forum.composer.body'), { exact: true }).fill(text.body);
        await author.getByRole('button', { name: t('forum.composer.submit') }).click();
        await author.waitForURL(/\/t\/\d+/);
        await author.locator('#post-1 .post-body').getByText(text.body).waitFor();
        const path = new URL(author.url()).pathname;
        // a new member already has notifications (welcome level, first-post badge): start from a clean bell
        await author.goto('/notifications');
        await author.getByRole('button', { name: t('notifications.markAllRead') }).click();
        await author.waitForLoadState('load');
        await author.goto(path);
        await author.locator('#post-1 .post-body').getByText(text.body).waitFor();
        // the live stream is subscribed, so nothing that follows can be missed
        await author.waitForFunction(() => (window.__liveReady ?? 0) > 0);
        expect(await author.locator('.bell .count').count()).toBe(0);
        await author.evaluate(() => {
          window.__marker = 1;
        });
        return new URL(author.url()).pathname;
      });

      await step('another member replies and mentions the author', async () => {
        await replier.goto('/latest');
        await replier.locator('.thread-list').getByRole('link', { name: text.title }).click();
        await replier.waitForURL((url) => url.pathname === threadPath);
        await replier.getByLabel(t('forum.reply.label')).fill(`@${people.author.username} ${text.reply}`);
        await replier.locator('#reply-form').getByRole('button', { name: t('forum.reply.submit') }).click();
        const reply = replier.locator('#post-2');
        await reply.getByText(text.reply).waitFor();
        await reply.locator('.post-body').getByRole('link', { name: `@${people.author.username}` }).waitFor();
      });

      await step('the author’s open page shows the bell count and the new-reply bar without a reload', async () => {
        await author.locator('.bell .count').getByText('1', { exact: true }).waitFor();
        const bar = author.locator('#live-bar');
        await bar.waitFor();
        expect(await bar.textContent()).toBe(t('live.newReply'));
        // the reply is announced, not yet shown
        expect(await author.locator('#post-2').count()).toBe(0);
        expect(await author.evaluate(() => window.__marker)).toBe(1);
      });

      await step('the bar loads the reply in place', async () => {
        await author.locator('#live-bar').click();
        const reply = author.locator('#posts article.post#post-2');
        await reply.getByText(text.reply).waitFor();
        expect(await reply.locator('.post-header a.author').textContent()).toBe(people.replier.username);
        await author.locator('#live-bar').waitFor({ state: 'detached' });
        expect(await author.locator('#posts article.post').count()).toBe(2);
        expect(await author.evaluate(() => window.__marker)).toBe(1);
      });

      await step('the bell’s menu lists the mention and leads to the exact post', async () => {
        await author.locator('summary.bell').click();
        const menu = author.getByRole('region', { name: t('notifications.menuLabel') });
        const mention = t('notifications.type.mention', { actor: people.replier.username, title: text.title });
        const item = menu.locator('li.notification.unread').filter({ hasText: mention });
        await item.waitFor();
        // the only unread one (older, read notifications may be listed too)
        expect(await menu.locator('li.notification.unread').count()).toBe(1);
        await item.getByRole('button', { name: mention }).click();
        await author.waitForURL((url) => url.pathname === threadPath && url.hash === '#post-2');
        const post = author.locator('#post-2');
        await post.getByText(text.reply).waitFor();
        const inView = await post.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top < window.innerHeight && box.bottom > 0;
        });
        expect(inView).toBe(true);
        // following it marked it read: the freshly loaded page has no unread count
        expect(await author.locator('.bell .count').count()).toBe(0);
      });

      await step('the notifications page shows it as read', async () => {
        await author.goto('/notifications');
        await author.getByRole('heading', { level: 1, name: t('notifications.title') }).waitFor();
        const mention = t('notifications.type.mention', { actor: people.replier.username, title: text.title });
        await author.locator('li.notification.read').filter({ hasText: mention }).waitFor();
        expect(await author.locator('li.notification.unread').count()).toBe(0);
        await author.goBack();
        await author.locator('#post-2').getByText(text.reply).waitFor();
      });

      await step('take a screenshot', async () => {
        mkdirSync(screenshots, { recursive: true });
        await author.screenshot({ path: path.join(screenshots, `notifications-${locale}.png`), fullPage: true });
      });

      expect(problems).toEqual([]);
      for (const context of contexts) await context.close();
    });
  });
}
