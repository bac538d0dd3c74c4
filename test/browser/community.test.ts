import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Locale } from '../../core/i18n/index.ts';
import { browserSession, screenshotsDir, signedInAs, type Person } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const people = {
  admin: { username: 'organiser', email: 'organiser@example.com', password: 'a long admin passphrase' },
  friend: { username: 'neighbour', email: 'neighbour@example.com', password: 'neighbour passphrase here' },
} satisfies Record<string, Person>;

/** Staff set a member's trust level on the member's admin page (core/admin/members). */
async function setLevel(admin: Page, username: string, level: number): Promise<void> {
  await admin.goto(`/admin/members/by/${username}`);
  const form = admin.locator('form[action$="/trust"]');
  await form.locator('select[name="level"]').selectOption(String(level));
  await form.getByRole('button').click();
  await admin.waitForURL(/saved=1/);
}

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`invitations and welcome in ${locale}`, () => {
    const t = translator(locale);
    const forumName = locale === 'zh-CN' ? '邻里社区' : 'Neighbourhood';
    const zh = locale === 'zh-CN';
    const text = {
      category: zh ? '邻里互助' : 'Helping out',
      title: zh ? '求助！！！' : 'HELP!!!',
      betterTitle: zh ? '求推荐靠谱的水管工' : 'Looking for a reliable plumber',
      body: zh ? '厨房的水管漏水了，有人知道附近靠谱的师傅吗？' : 'The kitchen pipe is leaking. Does anyone know a good plumber nearby?',
    };
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('an admin creates an invite link → a new person registers through it → welcome message → leaderboard → as a trusted member they fix a thread title', async () => {
      const { contexts, problems, open, step } = browserSession(forum, locale, 'community');
      const admin = await open();

      await step('set up the forum', async () => {
        await admin.goto('/');
        await admin.waitForURL(/\/setup$/);
        await admin.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await admin.getByLabel(t('setup.forumName'), { exact: true }).fill(forumName);
        await admin.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await admin.getByLabel(t('account.username'), { exact: true }).fill(people.admin.username);
        await admin.getByLabel(t('account.email'), { exact: true }).fill(people.admin.email);
        await admin.getByLabel(t('account.password'), { exact: true }).fill(people.admin.password);
        await admin.getByRole('button', { name: t('setup.submit') }).click();
        await admin.waitForURL((url) => url.pathname === '/');
        await signedInAs(admin, people.admin.username);
      });

      const link = await step('the admin creates a single-use invite link', async () => {
        await admin.goto('/invites');
        await admin.getByLabel(t('invites.maxUses'), { exact: true }).fill('1');
        await admin.getByLabel(t('invites.days'), { exact: true }).fill('7');
        await admin.getByRole('button', { name: t('invites.create') }).click();
        await admin.getByText(t('invites.created')).waitFor();
        const value = await admin.locator('input.invite-link').inputValue();
        expect(value).toMatch(/\/register\?invite=/);
        return value;
      });

      const friend = await open();
      await step('the friend registers through the link', async () => {
        await friend.goto(new URL(link).pathname + new URL(link).search);
        await friend.getByText(t('onboarding.register.invitedBy', { name: people.admin.username })).waitFor();
        await friend.getByLabel(t('account.username'), { exact: true }).fill(people.friend.username);
        await friend.getByLabel(t('account.email'), { exact: true }).fill(people.friend.email);
        await friend.getByLabel(t('account.password'), { exact: true }).fill(people.friend.password);
        await friend.getByRole('button', { name: t('account.register.submit') }).click();
        await friend.waitForURL((url) => url.pathname === '/');
        await signedInAs(friend, people.friend.username);
      });

      await step('the welcome message is waiting in the inbox, with the rules link', async () => {
        await friend.goto('/messages');
        const title = t('onboarding.welcome.title', { forum: forumName });
        await friend.getByRole('link', { name: title }).click();
        await friend.waitForURL(/\/messages\/\d+/);
        const rules = friend.locator('a[href$="/rules"]');
        expect(await rules.count()).toBeGreaterThan(0);
        mkdirSync(screenshotsDir, { recursive: true });
        await friend.screenshot({ path: path.join(screenshotsDir, `community-welcome-${locale}.png`), fullPage: true });
      });

      await step('the inviter is on the leaderboard', async () => {
        await friend.goto('/invites/leaderboard?period=all');
        const row = friend.locator('ol.leaderboard li').filter({ hasText: `@${people.admin.username}` });
        await row.waitFor();
        expect((await row.locator('.invite-count').textContent())?.trim()).toBe(t('invites.leaderboard.count', { count: '1' }));
      });

      const threadPath = await step('the admin opens a category and starts a thread with a clumsy title', async () => {
        await admin.goto('/admin/categories');
        await admin.getByRole('link', { name: t('forum.admin.create') }).click();
        await admin.getByLabel(t('forum.admin.name'), { exact: true }).fill(text.category);
        await admin.getByRole('button', { name: t('forum.admin.createSubmit') }).click();
        await admin.waitForURL((url) => url.pathname === '/admin/categories');
        await admin.locator('nav.account-nav').getByRole('link', { name: t('nav.newThread') }).click();
        await admin.waitForURL((url) => url.pathname === '/new');
        await admin.getByLabel(t('forum.composer.category'), { exact: true }).selectOption({ label: text.category });
        await admin.getByLabel(t('forum.composer.title'), { exact: true }).fill(text.title);
        await admin.getByLabel(t('forum.composer.body'), { exact: true }).fill(text.body);
        await admin.getByRole('button', { name: t('forum.composer.submit') }).click();
        await admin.waitForURL(/\/t\/\d+/);
        return new URL(admin.url()).pathname;
      });

      await step('a level 2 member has no title control', async () => {
        await setLevel(admin, people.friend.username, 2);
        await friend.goto(threadPath);
        await friend.locator('#thread-header h1').getByText(text.title).waitFor();
        expect(await friend.locator('#thread-header').getByRole('link', { name: t('forum.title.edit') }).count()).toBe(0);
      });

      await step('at trust level 4 the member fixes the title in place', async () => {
        await setLevel(admin, people.friend.username, 4);
        await friend.goto(threadPath);
        await friend.evaluate(() => {
          window.__marker = 1;
        });
        const header = friend.locator('#thread-header');
        await header.getByRole('link', { name: t('forum.title.edit') }).click();
        await header.getByLabel(t('forum.title.label')).fill(text.betterTitle);
        mkdirSync(screenshotsDir, { recursive: true });
        await friend.screenshot({ path: path.join(screenshotsDir, `community-title-editing-${locale}.png`) });
        await header.getByRole('button', { name: t('common.save') }).click();
        await header.locator('h1').getByText(text.betterTitle, { exact: true }).waitFor();
        // swapped in place, not a new page
        expect(await friend.evaluate(() => window.__marker)).toBe(1);
        await friend.screenshot({ path: path.join(screenshotsDir, `community-title-${locale}.png`), fullPage: true });
      });

      await step('the change is in the moderation log, marked as a trust-level edit', async () => {
        await admin.goto('/review/log?action=thread.title');
        const entry = admin.locator('tr[data-log-action="thread.title"]');
        await entry.waitFor();
        expect(await entry.textContent()).toContain(people.friend.username);
        expect(await entry.textContent()).toContain('"via":"trust"');
      });

      expect(problems).toEqual([]);
      for (const context of contexts) await context.close();
    });
  });
}
