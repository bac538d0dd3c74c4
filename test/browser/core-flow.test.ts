import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Locale } from '../../core/i18n/index.ts';
import { watchForPageProblems, screenshotsDir } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const screenshots = screenshotsDir;

const people = {
  admin: { username: 'founder', email: 'founder@example.com', password: 'a long admin passphrase' },
  member: { username: 'newcomer', email: 'newcomer@example.com', password: 'another good passphrase' },
};

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`core flow in ${locale}`, () => {
    const t = translator(locale);
    const zh = locale === 'zh-CN';
    const text = {
      forumName: zh ? '邻里社区' : 'Neighbourhood',
      category: zh ? '生活百科' : 'Life tips',
      adminTitle: zh ? '欢迎来到邻里社区' : 'Welcome to the neighbourhood',
      adminBody: zh ? '请先阅读社区规则，然后介绍一下你自己。' : 'Please read the rules first, then introduce yourself.',
      memberTitle: zh ? '周末有人一起爬山吗' : 'Anyone up for a hike this weekend',
      memberBody: zh ? '计划周六早上八点出发，欢迎报名。' : 'Planning to leave Saturday at eight, everyone welcome.',
      reply: zh ? '谢谢欢迎！我刚搬到这里。' : 'Thanks for the welcome! I just moved here.',
    };
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('setup → category → threads → register → live quote reply → like → log out and in', async () => {
      const { context, page } = await forum.newPage(locale);
      const problems = watchForPageProblems(page);
      const accountNav = page.locator('nav.account-nav');

      /** Names the step in the failure and keeps a screenshot, so a red run shows where the journey broke. */
      async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
        try {
          return await fn();
        } catch (error) {
          if (error instanceof Error) error.message = `[${locale}, step: ${name}] at ${page.url()}: ${error.message}`;
          mkdirSync(screenshots, { recursive: true });
          const file = `failed-${locale}-${name.replace(/\W+/g, '-')}.png`;
          await page.screenshot({ path: path.join(screenshots, file), fullPage: true }).catch(() => {});
          throw error;
        }
      }

      async function signedInAs(username: string): Promise<void> {
        await accountNav.getByRole('link', { name: username, exact: true }).waitFor();
      }

      async function logOut(): Promise<void> {
        await accountNav.getByRole('button', { name: t('nav.logout') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await accountNav.getByRole('link', { name: t('nav.login') }).waitFor();
      }

      async function startThread(title: string, body: string): Promise<string> {
        await accountNav.getByRole('link', { name: t('nav.newThread') }).click();
        await page.waitForURL((url) => url.pathname === '/new');
        await page.getByRole('heading', { name: t('forum.composer.heading') }).waitFor();
        await page.getByLabel(t('forum.composer.category'), { exact: true }).selectOption({ label: text.category });
        await page.getByLabel(t('forum.composer.title'), { exact: true }).fill(title);
        await page.getByLabel(t('forum.composer.body'), { exact: true }).fill(body);
        await page.getByRole('button', { name: t('forum.composer.submit') }).click();
        await page.waitForURL(/\/t\/\d+/);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.locator('#post-1 .post-body').getByText(body).waitFor();
        return new URL(page.url()).pathname;
      }

      await step('first visit leads to the setup wizard', async () => {
        await page.goto('/');
        await page.waitForURL(/\/setup$/);
        await page.getByRole('heading', { name: t('setup.title') }).waitFor();
      });

      await step('finish setup as the first admin', async () => {
        await page.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await page.getByLabel(t('setup.forumName'), { exact: true }).fill(text.forumName);
        await page.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await page.getByLabel(t('account.username'), { exact: true }).fill(people.admin.username);
        await page.getByLabel(t('account.email'), { exact: true }).fill(people.admin.email);
        await page.getByLabel(t('account.password'), { exact: true }).fill(people.admin.password);
        await page.getByRole('button', { name: t('setup.submit') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await signedInAs(people.admin.username);
        expect(await page.locator('a.brand').textContent()).toBe(text.forumName);
      });

      await step('create a category in the admin area', async () => {
        await accountNav.getByRole('link', { name: t('nav.admin') }).click();
        await page.waitForURL(/\/admin/);
        await page.locator('main').getByRole('link', { name: t('admin.categories'), exact: true }).first().click();
        await page.waitForURL((url) => url.pathname === '/admin/categories');
        await page.getByRole('link', { name: t('forum.admin.create') }).click();
        await page.getByLabel(t('forum.admin.name'), { exact: true }).fill(text.category);
        await page.getByRole('button', { name: t('forum.admin.createSubmit') }).click();
        await page.waitForURL((url) => url.pathname === '/admin/categories');
        await page.getByRole('status').getByText(t('common.saved')).waitFor();
        await page.locator('table').getByText(text.category, { exact: true }).first().waitFor();
      });

      const adminThread = await step('the admin starts a thread', () => startThread(text.adminTitle, text.adminBody));

      await step('log out as admin', logOut);

      await step('register a member', async () => {
        await accountNav.getByRole('link', { name: t('nav.register') }).click();
        await page.waitForURL(/\/register/);
        await page.getByLabel(t('account.username'), { exact: true }).fill(people.member.username);
        await page.getByLabel(t('account.email'), { exact: true }).fill(people.member.email);
        await page.getByLabel(t('account.password'), { exact: true }).fill(people.member.password);
        await page.getByRole('button', { name: t('account.register.submit') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await signedInAs(people.member.username);
      });

      await step('the member starts a thread', () => startThread(text.memberTitle, text.memberBody));

      await step('find the admin’s thread in the latest list', async () => {
        await page.locator('nav.main-nav').getByRole('link', { name: t('nav.latest') }).click();
        await page.waitForURL((url) => url.pathname === '/latest');
        const rows = page.locator('.thread-list .thread-row');
        await rows.filter({ hasText: text.memberTitle }).waitFor();
        await rows.filter({ hasText: text.adminTitle }).getByRole('link', { name: text.adminTitle }).click();
        await page.waitForURL((url) => url.pathname === adminThread);
      });

      await step('quote the admin and reply without a page reload', async () => {
        await page.evaluate(() => {
          window.__marker = 1;
        });
        const replyBox = page.getByLabel(t('forum.reply.label'));
        await page.locator('#post-1').getByRole('link', { name: t('forum.post.quote') }).click();
        // the button fetches the quote text (GET /p/:id/quote), then fills the box
        await expect.poll(() => replyBox.inputValue()).toMatch(new RegExp(`^\\[quote=${people.admin.username} post=\\d+\\]`));
        await replyBox.press('End');
        await replyBox.pressSequentially(text.reply);
        await page.locator('#reply-form').getByRole('button', { name: t('forum.reply.submit') }).click();
        const reply = page.locator('#posts article.post').filter({ hasText: text.reply });
        await reply.waitFor();
        await reply.locator('aside.quote').getByText(text.adminBody).waitFor();
        expect(await reply.locator('.post-header a.author').textContent()).toBe(people.member.username);
        // forum.js empties the reply box after a successful htmx reply
        await expect.poll(() => replyBox.inputValue()).toBe('');
        expect(await page.evaluate(() => window.__marker)).toBe(1);
      });

      await step('like the admin’s post in place', async () => {
        const like = page.locator('#post-1 button.like-button');
        expect(await like.getAttribute('aria-pressed')).toBe('false');
        await like.click();
        await page.locator('#post-1 button.like-button[aria-pressed="true"]').waitFor();
        expect((await page.locator('#post-1 .like-count').textContent())?.trim()).toBe('1');
        expect(await page.evaluate(() => window.__marker)).toBe(1);
        // the member's own reply offers no like button
        expect(await page.locator('#posts article.post').last().locator('button.like-button').count()).toBe(0);
      });

      await step('declining the delete confirmation keeps the reply', async () => {
        const reply = page.locator('#posts article.post').filter({ hasText: text.reply });
        const deletes: string[] = [];
        const onRequest = (request: { url(): string; method(): string }) => {
          if (request.method() === 'POST' && /\/delete$/.test(request.url())) deletes.push(request.url());
        };
        page.on('request', onRequest);
        let asked = '';
        page.once('dialog', (dialog) => {
          asked = dialog.message();
          void dialog.dismiss();
        });
        await reply.getByRole('button', { name: t('common.delete') }).click();
        await expect.poll(() => asked).toBe(t('forum.post.deleteConfirm'));
        // give a wrongly sent request time to show up
        await page.waitForTimeout(500);
        page.off('request', onRequest);
        expect(deletes).toEqual([]);
        expect(await reply.getAttribute('class')).not.toContain('deleted');
      });

      await step('the reply and the like are saved', async () => {
        const reloaded = await page.reload();
        // a member's page arrives gzipped (core/http/html-response.ts) and the browser reads it
        expect((await reloaded!.allHeaders())['content-encoding']).toBe('gzip');
        await page.locator('#posts article.post').filter({ hasText: text.reply }).waitFor();
        await page.locator('#post-1 button.like-button[aria-pressed="true"]').waitFor();
      });

      await step('log out as member', logOut);

      await step('log in again', async () => {
        await page.goto(adminThread);
        await accountNav.getByRole('link', { name: t('nav.login') }).click();
        await page.waitForURL(/\/login/);
        await page.getByLabel(t('account.login.identifier'), { exact: true }).fill(people.member.username);
        await page.getByLabel(t('account.password'), { exact: true }).fill(people.member.password);
        await page.locator('main').getByRole('button', { name: t('nav.login') }).click();
        // back where the member was, signed in
        await page.waitForURL((url) => url.pathname === adminThread);
        await signedInAs(people.member.username);
        await page.locator('#post-1 button.like-button[aria-pressed="true"]').waitFor();
      });

      await step('take a screenshot', async () => {
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: path.join(screenshots, `core-flow-${locale}.png`), fullPage: true });
      });

      expect(problems).toEqual([]);
      await context.close();
    });
  });
}
