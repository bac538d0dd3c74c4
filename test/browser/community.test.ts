import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../core/i18n/index.ts';
import { browserSession, screenshotsDir, signedInAs, type Person } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const people = {
  admin: { username: 'organiser', email: 'organiser@example.com', password: 'a long admin passphrase' },
  friend: { username: 'neighbour', email: 'neighbour@example.com', password: 'neighbour passphrase here' },
} satisfies Record<string, Person>;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`invitations and welcome in ${locale}`, () => {
    const t = translator(locale);
    const forumName = locale === 'zh-CN' ? '邻里社区' : 'Neighbourhood';
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('an admin creates an invite link → a new person registers through it → welcome message → leaderboard', async () => {
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

      expect(problems).toEqual([]);
      for (const context of contexts) await context.close();
    });
  });
}
