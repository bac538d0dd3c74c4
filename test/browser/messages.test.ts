import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../core/i18n/index.ts';
import { watchForPageProblems, watchLiveStream, screenshotsDir, type Person, browserSession, signedInAs, registerMember } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const screenshots = screenshotsDir;

const people = {
  admin: { username: 'founder', email: 'founder@example.com', password: 'a long admin passphrase' },
  sender: { username: 'gardener', email: 'gardener@example.com', password: 'gardener passphrase here' },
  recipient: { username: 'baker', email: 'baker@example.com', password: 'baker passphrase here' },
} satisfies Record<string, Person>;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`private messages in ${locale}`, () => {
    const t = translator(locale);
    const zh = locale === 'zh-CN';
    const text = {
      forumName: zh ? '邻里社区' : 'Neighbourhood',
      title: zh ? '借用梯子' : 'Borrowing a ladder',
      message: zh ? '你好！这个周末能借用一下你家的梯子吗？' : 'Hi! Could I borrow your ladder this weekend?',
      answer: zh ? '没问题，周六上午来拿吧。' : 'Sure, come and get it on Saturday morning.',
    };
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('profile “Message” → send → unread count → inbox → answer in place → the sender reads it', async () => {
      const { pages, contexts, problems, open, step } = browserSession(forum, locale, 'messages');
      const register = (page: Page, person: Person) => registerMember(page, t, person);
      const accountNav = (page: Page) => page.locator('nav.account-nav');

      /** The header's messages link, named with the unread count. */
      const messagesLink = (page: Page, count: number) =>
        accountNav(page).getByRole('link', { name: t('conversations.navLabel', { count }), exact: true });

      await step('set up the forum', async () => {
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
      });

      const sender = await open();
      await watchLiveStream(sender);
      const recipient = await open();
      /** A new member starts with a welcome message and notifications: read them, so the counts below start at zero. */
      const startClean = async (page: Page) => {
        await page.goto('/messages');
        for (let row = page.locator('#inbox li.conversation-row.unread a').first(); (await row.count()) > 0; row = page.locator('#inbox li.conversation-row.unread a').first()) {
          await row.click();
          await page.waitForURL(/\/messages\/\d+$/);
          await page.goto('/messages');
        }
        await page.goto('/notifications');
        const markAll = page.getByRole('button', { name: t('notifications.markAllRead') });
        if ((await markAll.count()) > 0) {
          await markAll.click();
          await page.waitForLoadState('load');
        }
      };
      await step('two members register', async () => {
        await register(sender, people.sender);
        await register(recipient, people.recipient);
        await startClean(sender);
        await startClean(recipient);
      });

      const conversationPath = await step('the sender messages the recipient from their profile', async () => {
        await sender.goto(`/u/${people.recipient.username}`);
        await sender.getByRole('heading', { level: 1, name: people.recipient.username }).waitFor();
        await sender.locator('main').getByRole('link', { name: t('conversations.messageMember'), exact: true }).click();
        await sender.waitForURL((url) => url.pathname === '/messages/new');
        await sender.getByRole('heading', { name: t('conversations.new') }).waitFor();
        expect(await sender.getByLabel(t('conversations.to'), { exact: true }).inputValue()).toBe(people.recipient.username);
        // optional fields say so in their label
        await sender.getByLabel(`${t('conversations.title')} (${t('common.optional')})`, { exact: true }).fill(text.title);
        await sender.getByLabel(t('conversations.message'), { exact: true }).fill(text.message);
        await sender.locator('main').getByRole('button', { name: t('conversations.send') }).click();
        await sender.waitForURL(/\/messages\/\d+$/);
        await sender.getByRole('heading', { level: 1, name: text.title }).waitFor();
        await sender.locator('#messages li.message').filter({ hasText: text.message }).waitFor();
        // the sender's own message is not unread for them
        await messagesLink(sender, 0).waitFor();
        await sender.waitForFunction(() => (window.__liveReady ?? 0) > 0);
        return new URL(sender.url()).pathname;
      });

      await step('the recipient sees the unread count in the header and opens the inbox', async () => {
        await recipient.goto('/latest');
        const link = messagesLink(recipient, 1);
        expect((await link.locator('.count').textContent())?.trim()).toBe('1');
        await link.click();
        await recipient.waitForURL((url) => url.pathname === '/messages');
        await recipient.getByRole('heading', { level: 1, name: t('conversations.inbox') }).waitFor();
        const row = recipient.locator('#inbox li.conversation-row.unread');
        expect(await row.count()).toBe(1);
        expect((await row.locator('.unread-count').textContent())?.trim()).toBe(t('conversations.unread', { count: '1' }));
        await row.getByRole('link', { name: text.title, exact: true }).click();
        await recipient.waitForURL((url) => url.pathname === conversationPath);
      });

      await step('the recipient reads the message and answers without a reload', async () => {
        const messages = recipient.locator('#messages li.message');
        await messages.filter({ hasText: text.message }).locator('.message-meta').getByRole('link', { name: people.sender.username }).waitFor();
        await recipient.evaluate(() => {
          window.__marker = 1;
        });
        const box = recipient.getByLabel(t('conversations.replyLabel'), { exact: true });
        await box.fill(text.answer);
        await recipient.locator('#message-reply-form').getByRole('button', { name: t('conversations.send') }).click();
        const answer = messages.filter({ hasText: text.answer });
        await answer.waitFor();
        expect(await answer.locator('.message-meta a').first().textContent()).toBe(people.recipient.username);
        expect(await messages.count()).toBe(2);
        // forum.js empties the form after a successful htmx reply
        await expect.poll(() => box.inputValue()).toBe('');
        expect(await recipient.evaluate(() => window.__marker)).toBe(1);
      });

      await step('having read it, the recipient has no unread messages', async () => {
        await recipient.goto('/messages');
        await messagesLink(recipient, 0).waitFor();
        expect(await accountNav(recipient).locator('.messages-link .count').count()).toBe(0);
        expect(await recipient.locator('#inbox li.conversation-row.unread').count()).toBe(0);
      });

      await step('the sender’s open page rings the bell, and the sender reads the answer', async () => {
        await sender.locator('.bell .count').getByText('1', { exact: true }).waitFor();
        await sender.goto('/messages');
        const row = sender.locator('#inbox li.conversation-row.unread');
        await row.locator('.conversation-excerpt').getByText(text.answer).waitFor();
        expect((await messagesLink(sender, 1).locator('.count').textContent())?.trim()).toBe('1');
        await row.getByRole('link', { name: text.title, exact: true }).click();
        await sender.waitForURL((url) => url.pathname === conversationPath);
        const answer = sender.locator('#messages li.message').filter({ hasText: text.answer });
        await answer.locator('.message-meta').getByRole('link', { name: people.recipient.username }).waitFor();
      });

      await step('take a screenshot', async () => {
        mkdirSync(screenshots, { recursive: true });
        await sender.screenshot({ path: path.join(screenshots, `messages-${locale}.png`), fullPage: true });
      });

      await step('the conversation just read no longer counts as unread in its own page’s header', async () => {
        // opening it marked the conversation and its message notification read
        expect(await accountNav(sender).locator('.messages-link .count').count()).toBe(0);
        expect(await accountNav(sender).locator('.bell .count').count()).toBe(0);
      });

      expect(problems).toEqual([]);
      for (const context of contexts) await context.close();
    });
  });
}
