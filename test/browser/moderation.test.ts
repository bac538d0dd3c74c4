import type { Locale } from '../../core/i18n/index.ts';
import { browserSession, registerMember, signedInAs, type Person } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const people = {
  admin: { username: 'keeper', email: 'keeper@example.com', password: 'a long admin passphrase' },
  author: { username: 'grumpy', email: 'grumpy@example.com', password: 'grumpy passphrase here' },
  reporter: { username: 'kindly', email: 'kindly@example.com', password: 'kindly passphrase here' },
} satisfies Record<string, Person>;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`moderation in ${locale}`, () => {
    const t = translator(locale);
    const zh = locale === 'zh-CN';
    const text = {
      category: zh ? '闲聊' : 'Chat',
      title: zh ? '你们都不懂' : 'You all know nothing',
      body: zh ? '这里的人都是笨蛋，别再发帖了。' : 'Everyone here is a fool, stop posting.',
      reason: zh ? '人身攻击，冷静一天' : 'Personal attacks: take a day off',
    };
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('a member reports a post, a moderator handles it in the queue, the author is silenced and sees why', async () => {
      const { contexts, problems, open, step } = browserSession(forum, locale, 'moderation');
      const admin = await open();

      await step('set up the forum and a category', async () => {
        await admin.goto('/');
        await admin.waitForURL(/\/setup$/);
        await admin.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await admin.getByLabel(t('setup.forumName'), { exact: true }).fill('Moderated');
        await admin.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await admin.getByLabel(t('account.username'), { exact: true }).fill(people.admin.username);
        await admin.getByLabel(t('account.email'), { exact: true }).fill(people.admin.email);
        await admin.getByLabel(t('account.password'), { exact: true }).fill(people.admin.password);
        await admin.getByRole('button', { name: t('setup.submit') }).click();
        await admin.waitForURL((url) => url.pathname === '/');
        await signedInAs(admin, people.admin.username);
        await admin.goto('/admin/categories');
        await admin.getByRole('link', { name: t('forum.admin.create') }).click();
        await admin.getByLabel(t('forum.admin.name'), { exact: true }).fill(text.category);
        await admin.getByRole('button', { name: t('forum.admin.createSubmit') }).click();
        await admin.waitForURL((url) => url.pathname === '/admin/categories');
      });

      const author = await open();
      const threadPath = await step('the author posts something rude', async () => {
        await registerMember(author, t, people.author);
        await author.locator('nav.account-nav').getByRole('link', { name: t('nav.newThread') }).click();
        await author.waitForURL((url) => url.pathname === '/new');
        await author.getByLabel(t('forum.composer.category'), { exact: true }).selectOption({ label: text.category });
        await author.getByLabel(t('forum.composer.title'), { exact: true }).fill(text.title);
        await author.getByLabel(t('forum.composer.body'), { exact: true }).fill(text.body);
        await author.getByRole('button', { name: t('forum.composer.submit') }).click();
        await author.waitForURL(/\/t\/\d+/);
        return new URL(author.url()).pathname;
      });

      const reporter = await open();
      await step('another member reports the post', async () => {
        await registerMember(reporter, t, people.reporter);
        await reporter.goto(threadPath);
        await reporter.locator('#post-1').getByRole('link', { name: t('moderation.report.link'), exact: true }).click();
        await reporter.waitForURL(/\/report\/post\/\d+/);
        await reporter.getByLabel(t('moderation.report.reason.abuse')).check();
        await reporter.getByRole('button', { name: t('moderation.report.submit') }).click();
        await reporter.getByRole('status').getByText(t('moderation.report.thanks')).waitFor();
      });

      await step('the moderator silences the author from the queue', async () => {
        await admin.locator('nav.account-nav').getByRole('link', { name: t('moderation.nav.review'), exact: true }).click();
        await admin.waitForURL((url) => url.pathname === '/review');
        const item = admin.locator('[data-queue-item]').first();
        await item.getByText(t('moderation.report.reason.abuse'), { exact: false }).waitFor();
        await item.getByRole('link', { name: t('moderation.queue.sanction') }).click();
        await admin.waitForURL(/\/review\/users\/grumpy/);
        await admin.getByLabel(t('moderation.member.kind')).selectOption('silence');
        await admin.getByLabel(t('moderation.member.reason')).fill(text.reason);
        await admin.getByLabel(t('moderation.member.duration')).selectOption('1d');
        await admin.getByRole('button', { name: t('moderation.member.apply') }).click();
        await admin.getByRole('status').getByText(t('moderation.member.applied')).waitFor();
      });

      await step('the moderator removes the post with the keyboard, in place', async () => {
        await admin.goto('/review');
        await admin.locator('[data-queue-item]').first().waitFor();
        await admin.keyboard.press('j');
        await admin.keyboard.press('r');
        await admin.getByText(t('moderation.queue.done.reject')).waitFor();
      });

      await step('the author sees what happened, why and until when, and cannot reply', async () => {
        await author.goto('/latest');
        const notice = author.locator('.standing-notice');
        await notice.getByText(text.reason, { exact: false }).waitFor();
        await notice.getByRole('link', { name: t('moderation.standing.details') }).click();
        await author.waitForURL((url) => url.pathname === '/standing');
        await author.locator('main').getByText(t('moderation.sanction.kind.silence')).first().waitFor();
      });

      await step('the reporter is told the outcome', async () => {
        await reporter.goto('/notifications');
        await reporter.getByText(t('moderation.notify.reportRemoved', { title: text.title })).waitFor();
      });

      expect(problems.join("\n")).toBe("");
      await Promise.all(contexts.map((c) => c.close()));
    });
  });
}
