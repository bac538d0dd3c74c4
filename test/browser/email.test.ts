import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { users } from '../../core/accounts/schema.ts';
import { sendDigest } from '../../core/digests/send.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { mailMessages } from '../../core/mail/schema.ts';
import { watchForPageProblems, screenshotsDir, type Person, browserSession, signedInAs } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const screenshots = screenshotsDir;

const people = {
  admin: { username: 'founder', email: 'founder@example.com', password: 'a long admin passphrase' },
  member: { username: 'reader', email: 'reader@example.com', password: 'reader passphrase here' },
} satisfies Record<string, Person>;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`email preferences and unsubscribing in ${locale}`, () => {
    const t = translator(locale);
    const zh = locale === 'zh-CN';
    const text = {
      forumName: zh ? '邻里社区' : 'Neighbourhood',
      kept: zh ? '二手交换' : 'Swap and share',
      dropped: zh ? '闲聊灌水' : 'Off topic',
      keptTitle: zh ? '出一辆九成新的自行车' : 'Giving away a nearly new bicycle',
      keptBody: zh ? '只骑过几次，免费送给需要的邻居。' : 'Ridden only a few times, free to a neighbour who needs it.',
      droppedTitle: zh ? '大家今天午饭吃什么' : 'What is everyone having for lunch',
      droppedBody: zh ? '我在纠结吃面还是吃饭。' : 'I cannot decide between noodles and rice.',
    };
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('daily digest for chosen categories → saved → the digest’s unsubscribe link asks, then unsubscribes', async () => {
      const { pages, contexts, problems, open, step } = browserSession(forum, locale, 'email');

      async function createCategory(page: Page, name: string): Promise<void> {
        await page.goto('/admin/categories');
        await page.getByRole('link', { name: t('forum.admin.create') }).click();
        await page.getByLabel(t('forum.admin.name'), { exact: true }).fill(name);
        await page.getByRole('button', { name: t('forum.admin.createSubmit') }).click();
        await page.waitForURL((url) => url.pathname === '/admin/categories');
        await page.getByRole('status').getByText(t('common.saved')).waitFor();
      }

      async function startThread(page: Page, category: string, title: string, body: string): Promise<void> {
        await page.goto('/new');
        await page.getByLabel(t('forum.composer.category'), { exact: true }).selectOption({ label: category });
        await page.getByLabel(t('forum.composer.title'), { exact: true }).fill(title);
        await page.getByLabel(t('forum.composer.body'), { exact: true }).fill(body);
        await page.getByRole('button', { name: t('forum.composer.submit') }).click();
        await page.waitForURL(/\/t\/\d+/);
        await page.locator('#post-1 .post-body').getByText(body).waitFor();
      }

      const admin = await open();
      await step('set up the forum and two categories', async () => {
        await admin.goto('/');
        await admin.waitForURL(/\/setup$/);
        await admin.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await admin.getByLabel(t('setup.forumName'), { exact: true }).fill(text.forumName);
        await admin.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await admin.getByLabel(t('account.username'), { exact: true }).fill(people.admin.username);
        await admin.getByLabel(t('account.email'), { exact: true }).fill(people.admin.email);
        await admin.getByLabel(t('account.password'), { exact: true }).fill(people.admin.password);
        await admin.getByRole('button', { name: t('setup.submit') }).click();
        await admin.waitForURL((url) => url.pathname === '/');
        await signedInAs(admin, people.admin.username);
        await createCategory(admin, text.kept);
        await createCategory(admin, text.dropped);
      });

      const page = await open();
      await step('a member registers', async () => {
        await page.goto('/');
        await page.locator('nav.account-nav').getByRole('link', { name: t('nav.register') }).click();
        await page.waitForURL(/\/register/);
        await page.getByLabel(t('account.username'), { exact: true }).fill(people.member.username);
        await page.getByLabel(t('account.email'), { exact: true }).fill(people.member.email);
        await page.getByLabel(t('account.password'), { exact: true }).fill(people.member.password);
        await page.getByRole('button', { name: t('account.register.submit') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await signedInAs(page, people.member.username);
      });

      const digestSelect = () => page.getByLabel(t('digests.prefs.digest'), { exact: true });
      const categoryBox = (name: string) => page.locator('#email-preferences-form').getByLabel(name, { exact: true });
      const selectedDigest = () => digestSelect().evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

      await step('the member finds the email settings from the preferences', async () => {
        await page.goto('/preferences');
        await page.getByRole('heading', { level: 1, name: t('nav.preferences') }).waitFor();
        await page.locator('main').getByRole('link', { name: t('digests.prefs.title'), exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/preferences/email');
        await page.getByRole('heading', { level: 1, name: t('digests.prefs.title') }).waitFor();
        // the defaults: a weekly digest of every category
        expect(await selectedDigest()).toBe(t('digests.prefs.digest.weekly'));
        expect(await categoryBox(text.kept).isChecked()).toBe(false);
        expect(await categoryBox(text.dropped).isChecked()).toBe(false);
      });

      await step('choose a daily digest of both categories', async () => {
        await digestSelect().selectOption({ label: t('digests.prefs.digest.daily') });
        await categoryBox(text.kept).check();
        await categoryBox(text.dropped).check();
        await page.locator('#email-preferences-form').getByRole('button', { name: t('common.save') }).click();
        await page.locator('#email-preferences-form').getByRole('status').getByText(t('common.saved')).waitFor();
        expect(await categoryBox(text.dropped).isChecked()).toBe(true);
      });

      await step('untick one category and save again', async () => {
        await page.evaluate(() => {
          // the saved flash is replaced with the form: waiting for a new one needs the old one gone
          document.querySelector('#email-preferences-form [role="status"]')?.remove();
        });
        await categoryBox(text.dropped).uncheck();
        await page.locator('#email-preferences-form').getByRole('button', { name: t('common.save') }).click();
        await page.locator('#email-preferences-form').getByRole('status').getByText(t('common.saved')).waitFor();
      });

      await step('the saved choices are there after a reload', async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: t('digests.prefs.title') }).waitFor();
        expect(await selectedDigest()).toBe(t('digests.prefs.digest.daily'));
        expect(await categoryBox(text.kept).isChecked()).toBe(true);
        expect(await categoryBox(text.dropped).isChecked()).toBe(false);
      });

      await step('new threads appear in both categories', async () => {
        await startThread(admin, text.kept, text.keptTitle, text.keptBody);
        await startThread(admin, text.dropped, text.droppedTitle, text.droppedBody);
      });

      const unsubscribeUrl = await step('the daily digest covers only the chosen category and carries an unsubscribe link', async () => {
        const { deps } = forum.server.forum;
        const [member] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, people.member.username));
        expect(member).toBeDefined();
        const periodKey = `daily:${new Date().toISOString().slice(0, 10)}`;
        expect(await sendDigest(deps, member!.id, periodKey)).toBe('queued');
        const mails = await deps.db
          .select()
          .from(mailMessages)
          .where(and(eq(mailMessages.userId, member!.id), eq(mailMessages.kind, 'digest')));
        expect(mails).toHaveLength(1);
        const mail = mails[0]!;
        expect(mail.to).toBe(people.member.email);
        expect(mail.subject).toBe(t('digests.mail.subject.daily', { forum: text.forumName }));
        expect(mail.text).toContain(text.keptTitle);
        expect(mail.text).not.toContain(text.droppedTitle);
        const url = /^<(.+)>$/.exec(mail.headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
        expect(url.startsWith(`${forum.baseUrl}/unsubscribe/`)).toBe(true);
        expect(mail.text).toContain(url);
        expect(mail.html).toContain(url);
        return url;
      });

      await step('opening the link only asks', async () => {
        await page.goto(unsubscribeUrl);
        await page.getByRole('heading', { level: 1, name: t('digests.unsub.title') }).waitFor();
        await page.getByText(t('digests.unsub.confirm.digest', { forum: text.forumName }), { exact: true }).waitFor();
        await page.getByRole('button', { name: t('digests.unsub.button.digest') }).waitFor();
        await page.locator('main').getByRole('link', { name: t('digests.unsub.settings'), exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/preferences/email');
        expect(await selectedDigest()).toBe(t('digests.prefs.digest.daily'));
        expect(await categoryBox(text.kept).isChecked()).toBe(true);
      });

      await step('the button unsubscribes', async () => {
        await page.goBack();
        await page.waitForURL(unsubscribeUrl);
        await page.getByRole('button', { name: t('digests.unsub.button.digest') }).click();
        await page.getByRole('status').getByText(t('digests.unsub.done.digest'), { exact: true }).waitFor();
      });

      await step('the email settings now show digests off, the rest untouched', async () => {
        await page.locator('main').getByRole('link', { name: t('digests.unsub.settings'), exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/preferences/email');
        expect(await selectedDigest()).toBe(t('digests.prefs.digest.none'));
        expect(await categoryBox(text.kept).isChecked()).toBe(true);
        expect(await page.getByLabel(t('digests.prefs.immediateReplies'), { exact: true }).isChecked()).toBe(true);
        expect(await page.getByLabel(t('digests.prefs.unsubscribedAll'), { exact: true }).isChecked()).toBe(false);
      });

      await step('take a screenshot', async () => {
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: path.join(screenshots, `email-${locale}.png`), fullPage: true });
      });

      expect(problems).toEqual([]);
      for (const context of contexts) await context.close();
    });
  });
}
