import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createSession } from '../../../../core/accounts/service/sessions.ts';
import { createUser } from '../../../../core/accounts/service/users.ts';
import type { Locale } from '../../../../core/i18n/index.ts';
import { updateSiteSettings } from '../../../../core/site/settings.ts';
import { insertCategory } from '../../../../test/plugins/helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from '../../../../test/browser/harness.ts';
import { screenshotsDir, watchForPageProblems } from '../../../../test/browser/page-helpers.ts';

/** Names the failing step and keeps a screenshot of it. */
async function step<T>(page: Page, locale: Locale, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error) error.message = `[${locale}, step: ${name}] at ${page.url()}: ${error.message}`;
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, `failed-events-${locale}-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, file), fullPage: true });
}

/** A datetime-local value `days` from now. */
const inDays = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`events in the browser (${locale})`, () => {
    const zh = locale === 'zh-CN';
    const text = {
      title: zh ? '周六桌游之夜' : 'Saturday board games',
      body: zh ? '一起来玩吧，名额有限。' : 'Come and play, places are limited.',
      venue: zh ? '北京市朝阳区建国路 1 号' : 'Community hall, 1 Main St',
    };
    let forum: BrowserForum;
    let categoryId = 0;
    const tokens: Record<'organiser' | 'first' | 'second', string> = { organiser: '', first: '', second: '' };

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { db, pluginHost } = forum.server.forum.deps;
      await updateSiteSettings(db, { setupComplete: true, forumName: 'Events forum', setupToken: null, defaultLocale: locale });
      const category = await insertCategory(db, zh ? 'Huodong' : 'Meetups');
      categoryId = category.id;
      await pluginHost.state.setCategory('events', category.id, true);
      for (const who of ['organiser', 'first', 'second'] as const) {
        const user = await createUser(db, { username: `${who}_member`, email: `${who}@example.com`, password: 'a long enough passphrase' });
        tokens[who] = (await createSession(db, user.id)).token;
      }
    });

    afterAll(async () => {
      await forum?.stop();
    });

    async function pageAs(who: keyof typeof tokens): Promise<{ context: BrowserContext; page: Page }> {
      const opened = await forum.newPage(locale);
      await opened.context.addCookies([{ name: 'session', value: tokens[who], url: forum.baseUrl }]);
      return opened;
    }

    test('create an event, reply, join the waitlist, get promoted when someone cancels', async () => {
      const t = translator(locale);
      const organiser = await pageAs('organiser');
      const problems = watchForPageProblems(organiser.page);
      let threadPath = '';

      await step(organiser.page, locale, 'the organiser makes a new thread an event with one place', async () => {
        await organiser.page.goto(`/new?category=${categoryId}`);
        await organiser.page.getByLabel(t('forum.composer.title'), { exact: true }).fill(text.title);
        await organiser.page.getByLabel(t('forum.composer.body'), { exact: true }).fill(text.body);
        await organiser.page.getByText(t('events.composer.summary')).click();
        await organiser.page.getByLabel(t('events.form.starts'), { exact: true }).fill(inDays(7, '19:00'));
        await organiser.page.getByLabel(t('events.form.ends'), { exact: true }).fill(inDays(7, '22:00'));
        await organiser.page.getByLabel(t('events.form.venue'), { exact: true }).fill(text.venue);
        await organiser.page.getByLabel(t('events.form.capacity'), { exact: true }).fill('1');
        await organiser.page.getByRole('button', { name: t('forum.composer.submit') }).click();
        await organiser.page.getByRole('heading', { name: text.title }).waitFor();
        await organiser.page.locator('.events-event').getByText(text.venue).waitFor();
        await organiser.page.locator('.events-event').getByText(t('events.places', { going: 0, capacity: 1 })).waitFor();
        threadPath = new URL(organiser.page.url()).pathname;
        await screenshot(organiser.page, `events-created-${locale}.png`);
      });

      const first = await pageAs('first');
      watchForPageProblems(first.page, problems);
      const firstBlock = first.page.locator('.events-event');
      await step(first.page, locale, 'a member replies "going" without a page reload', async () => {
        await first.page.goto(threadPath);
        await first.page.evaluate(() => {
          (window as unknown as { __marker: number }).__marker = 1;
        });
        await firstBlock.getByRole('button', { name: t('events.rsvp.going'), exact: true }).click();
        await firstBlock.getByText(t('events.mine.going')).waitFor();
        await firstBlock.getByText(t('events.places', { going: 1, capacity: 1 })).waitFor();
        expect(await first.page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
      });

      const second = await pageAs('second');
      watchForPageProblems(second.page, problems);
      const secondBlock = second.page.locator('.events-event');
      await step(second.page, locale, 'a second member finds it full and joins the waitlist', async () => {
        await second.page.goto(threadPath);
        await secondBlock.getByText(t('events.full')).waitFor();
        await secondBlock.getByRole('button', { name: t('events.rsvp.going'), exact: true }).click();
        await secondBlock.getByRole('status').getByText(t('events.notice.waitlisted')).waitFor();
        await secondBlock.getByText(t('events.mine.waitlisted', { place: 1 })).waitFor();
        await screenshot(second.page, `events-waitlisted-${locale}.png`);
      });

      await step(first.page, locale, 'the first member cancels', async () => {
        await firstBlock.getByRole('button', { name: t('events.rsvp.not_going'), exact: true }).click();
        await firstBlock.getByText(t('events.mine.not_going')).waitFor();
      });

      await step(second.page, locale, 'the second member is promoted and told so', async () => {
        await second.page.reload();
        await secondBlock.getByText(t('events.mine.going')).waitFor();
        await second.page.goto('/notifications');
        await second.page.getByText(t('events.notification.promoted', { title: text.title })).waitFor();
        await screenshot(second.page, `events-promoted-notification-${locale}.png`);
      });

      await step(organiser.page, locale, 'the organiser checks the promoted member in at the door', async () => {
        await organiser.page.setViewportSize({ width: 390, height: 844 });
        await organiser.page.reload();
        await organiser.page.locator('.events-event').getByRole('link', { name: t('events.checkIn') }).click();
        await organiser.page.getByText(t('events.checkin.summary', { attended: 0, going: 1 })).waitFor();
        await organiser.page.getByRole('button', { name: `${t('events.checkin.mark')}: second_member` }).click();
        await organiser.page.getByRole('button', { name: `${t('events.checkin.unmark')}: second_member` }).waitFor();
        await organiser.page.getByText(t('events.checkin.summary', { attended: 1, going: 1 })).waitFor();
        await screenshot(organiser.page, `events-check-in-phone-${locale}.png`);
      });

      expect(problems).toEqual([]);
      await organiser.context.close();
      await first.context.close();
      await second.context.close();
    });
  });
}
