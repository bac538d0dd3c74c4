import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createSession } from '../../../../core/accounts/service/sessions.ts';
import { createUser } from '../../../../core/accounts/service/users.ts';
import type { Locale } from '../../../../core/i18n/index.ts';
import { updateSiteSettings } from '../../../../core/site/settings.ts';
import { startBrowserForum, translator, type BrowserForum } from '../../../../test/browser/harness.ts';
import { screenshotsDir, watchForPageProblems } from '../../../../test/browser/page-helpers.ts';
import { badgesRewards } from '../../schema.ts';
import { record } from '../../service/ledger.ts';

/** Names the failing step and keeps a screenshot of it. */
async function step<T>(page: Page, locale: Locale, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error) error.message = `[${locale}, step: ${name}] at ${page.url()}: ${error.message}`;
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, `failed-badges-${locale}-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, file), fullPage: true });
}

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`points, check-in and rewards in the browser (${locale})`, () => {
    const zh = locale === 'zh-CN';
    const rewardName = zh ? '专属头衔：夜猫子' : 'Title: Night owl';
    let forum: BrowserForum;
    let token = '';

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { db } = forum.server.forum.deps;
      await updateSiteSettings(db, { setupComplete: true, forumName: 'Badges forum', setupToken: null, defaultLocale: locale, timeZone: 'Asia/Shanghai' });
      const member = await createUser(db, { username: 'regular', email: 'regular@example.com', password: 'a long enough passphrase' });
      // two points short of level 2 (50): today's check-in crosses it
      await db.transaction((tx) => record(tx, { userId: member.id, points: 48, reason: 'manual', note: 'welcome', key: 'browser-seed', day: '2026-01-01' }));
      await db.insert(badgesRewards).values({ kind: 'title', name: rewardName, cost: 30, stock: 3, title: zh ? '夜猫子' : 'Night owl' });
      token = (await createSession(db, member.id)).token;
    });

    afterAll(async () => {
      await forum?.stop();
    });

    async function signedIn(): Promise<{ context: BrowserContext; page: Page }> {
      const opened = await forum.newPage(locale);
      await opened.context.addCookies([{ name: 'session', value: token, url: forum.baseUrl }]);
      return opened;
    }

    test('check in, see points and level change; redeem a reward', async () => {
      const t = translator(locale);
      const { context, page } = await signedIn();
      const problems = watchForPageProblems(page);
      page.on('dialog', (dialog) => void dialog.accept());
      const card = page.locator('#badges-checkin');

      await step(page, locale, 'the sidebar shows balance, level and the check-in button', async () => {
        await page.goto(`${forum.baseUrl}/`);
        await card.getByRole('heading', { name: t('badges.checkin.heading') }).waitFor();
        expect(await card.locator('[data-badges-balance]').textContent()).toBe('48');
        await card.getByText(`${t('badges.level.short', { level: 1 })} ${t('badges.level.default.1')}`).waitFor();
      });

      await step(page, locale, 'checking in updates the card without a reload', async () => {
        await page.evaluate(() => {
          (window as unknown as { __marker: number }).__marker = 1;
        });
        await card.getByRole('button', { name: t('badges.checkin.button') }).click();
        await card.getByText(t('badges.checkin.done', { points: 2 })).waitFor();
        expect(await card.locator('[data-badges-balance]').textContent()).toBe('50');
        await card.getByText(`${t('badges.level.short', { level: 2 })} ${t('badges.level.default.2')}`).waitFor();
        await card.getByText(t('badges.days.one', { count: '1' })).waitFor();
        await card.getByText(t('badges.checkin.already')).waitFor();
        expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
        await screenshot(page, `badges-checked-in-${locale}.png`);
      });

      await step(page, locale, 'the level-up notification arrived', async () => {
        await page.goto(`${forum.baseUrl}/notifications`);
        await page.getByText(t('badges.notification.levelUp', { level: 2 })).waitFor();
      });

      await step(page, locale, 'redeeming a reward takes its cost from the balance', async () => {
        await page.goto(`${forum.baseUrl}/plugins/badges/rewards`);
        const reward = page.locator('li.card').filter({ hasText: rewardName });
        await reward.getByText(t('badges.rewards.stock.other', { count: '3' })).waitFor();
        await reward.getByRole('button', { name: t('badges.rewards.redeem') }).click();
        await page.getByRole('status').getByText(t('badges.rewards.done', { name: rewardName })).waitFor();
        expect(await page.locator('#badges-rewards [data-badges-balance]').textContent()).toBe('20');
        await page.locator('li.card').filter({ hasText: rewardName }).getByText(t('badges.rewards.stock.other', { count: '2' })).waitFor();
        // 20 points left: not enough for a second one
        expect(await page.locator('li.card').filter({ hasText: rewardName }).getByRole('button').isDisabled()).toBe(true);
        await screenshot(page, `badges-rewards-${locale}.png`);
      });

      await step(page, locale, 'my points page shows the redemption in the ledger', async () => {
        await page.goto(`${forum.baseUrl}/plugins/badges/me`);
        await page.getByRole('cell', { name: `${t('badges.reason.redemption')}: ${rewardName}` }).waitFor();
        await page.getByRole('cell', { name: '-30' }).waitFor();
        await screenshot(page, `badges-ledger-${locale}.png`);
      });

      expect(problems).toEqual([]);
      await context.close();
    });
  });
}
