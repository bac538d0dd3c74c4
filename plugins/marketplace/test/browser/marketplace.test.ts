import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { createSession } from '../../../../core/accounts/service/sessions.ts';
import { createUser } from '../../../../core/accounts/service/users.ts';
import type { Locale } from '../../../../core/i18n/index.ts';
import { updateSiteSettings } from '../../../../core/site/settings.ts';
import { saveRuleConfig } from '../../../../core/moderation/service/settings.ts';
import { insertCategory } from '../../../../test/plugins/helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from '../../../../test/browser/harness.ts';
import { screenshotsDir, watchForPageProblems } from '../../../../test/browser/page-helpers.ts';

/** Names the failing step and keeps a screenshot of it, one per locale. */
async function step<T>(page: Page, locale: Locale, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error) error.message = `[${locale}, step: ${name}] at ${page.url()}: ${error.message}`;
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, `failed-marketplace-${locale}-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

const photo = (colour: string) => sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().toBuffer();

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`marketplace in the browser (${locale})`, () => {
    const zh = locale === 'zh-CN';
    const text = {
      category: zh ? '二手市场' : 'Flea market',
      bike: zh ? '九成新自行车出售' : 'City bike, barely used',
      sofa: zh ? '旧沙发免费送' : 'Old sofa, free to a good home',
    };
    let forum: BrowserForum;
    let categorySlug: string;
    let token = '';

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { db, pluginHost } = forum.server.forum.deps;
      await updateSiteSettings(db, { setupComplete: true, forumName: 'Market forum', setupToken: null, defaultLocale: locale });
      const category = await insertCategory(db, text.category);
      categorySlug = category.slug;
      await pluginHost.state.setCategory('marketplace', category.id, true);
      // the seller publishes two listings within seconds: flood control (core/moderation) is not under test
      await saveRuleConfig(db, null, { floodMaxPerMinute: 0, floodMaxPerHour: 0, floodMinSeconds: 0, duplicateWindowMinutes: 0 });
      const seller = await createUser(db, { username: 'seller', email: 'seller@example.com', password: 'a long enough passphrase' });
      token = (await createSession(db, seller.id)).token;
    });

    afterAll(async () => {
      await forum?.stop();
    });

    async function sellerPage(): Promise<{ context: BrowserContext; page: Page }> {
      const opened = await forum.newPage(locale);
      await opened.context.addCookies([{ name: 'session', value: token, url: forum.baseUrl }]);
      return opened;
    }

    test('create a listing with photos, filter the cards, mark it sold', async () => {
      const t = translator(locale);
      const { context, page } = await sellerPage();
      const problems = watchForPageProblems(page);
      const cards = page.locator('.mk-card');

      async function newListing(fill: () => Promise<void>) {
        await page.goto(`/c/${encodeURIComponent(categorySlug)}`);
        await page.getByRole('link', { name: t('marketplace.new') }).first().click();
        await page.getByRole('heading', { name: t('marketplace.form.title', { category: text.category }) }).waitFor();
        await fill();
        await page.getByRole('button', { name: t('marketplace.form.submit') }).click();
        await page.locator('#mk-listing').waitFor();
      }

      await step(page, locale, 'the seller publishes a listing with two photos', async () => {
        await newListing(async () => {
          await page.getByLabel(t('marketplace.form.kind')).selectOption('sell');
          await page.getByLabel(t('marketplace.form.heading')).fill(text.bike);
          // optional fields: the label reads "Price (optional)"
          await page.getByLabel(t('marketplace.form.price')).fill('350');
          await page.getByLabel(t('marketplace.form.condition')).selectOption('like_new');
          await page.getByLabel(t('marketplace.form.location')).fill(zh ? '北门' : 'North gate');
          await page.getByLabel(t('marketplace.form.description')).fill(zh ? '骑了半年，车况很好。' : 'Ridden for six months, in great shape.');
          await page.getByLabel(t('marketplace.form.photos')).setInputFiles([
            { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await photo('#cc3333') },
            { name: 'side.jpg', mimeType: 'image/jpeg', buffer: await photo('#3333cc') },
          ]);
        });
        const gallery = page.locator('.mk-gallery img');
        expect(await gallery.count()).toBe(2);
        // the photos really load (served by /uploads with an image type)
        const widths = await gallery.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
        expect(widths.every((w) => w > 0)).toBe(true);
        await page.locator('.mk-price').getByText('350').waitFor();
        await page.locator('#mk-listing .mk-status').getByText(t('marketplace.status.available')).waitFor();
        mkdirSync(screenshotsDir, { recursive: true });
        await page.screenshot({ path: path.join(screenshotsDir, `marketplace-listing-${locale}.png`), fullPage: true });
      });

      await step(page, locale, 'a give-away listing without photos', async () => {
        await newListing(async () => {
          await page.getByLabel(t('marketplace.form.kind')).selectOption('free');
          await page.getByLabel(t('marketplace.form.heading')).fill(text.sofa);
          await page.getByLabel(t('marketplace.form.condition')).selectOption('fair');
          await page.getByLabel(t('marketplace.form.description')).fill(zh ? '需要自提。' : 'You collect it.');
        });
        await page.locator('#mk-listing .mk-price').getByText(t('marketplace.price.free')).waitFor();
      });

      await step(page, locale, 'the cards view filters by type and price', async () => {
        await page.goto(`/c/${encodeURIComponent(categorySlug)}`);
        await page.getByRole('link', { name: t('marketplace.browse') }).click();
        await page.getByRole('heading', { name: t('marketplace.browse.title', { category: text.category }) }).waitFor();
        expect(await cards.count()).toBe(2);
        expect(await cards.first().locator('img').count()).toBe(0); // the sofa, newest, has no photo
        expect(await cards.nth(1).locator('img').count()).toBe(1);
        await page.screenshot({ path: path.join(screenshotsDir, `marketplace-cards-${locale}.png`), fullPage: true });
        await page.getByLabel(t('marketplace.filter.kind')).selectOption('sell');
        await page.getByRole('button', { name: t('marketplace.filter.apply') }).click();
        await page.waitForURL(/kind=sell/);
        expect(await cards.count()).toBe(1);
        await cards.first().getByText(text.bike).waitFor();
        await page.getByLabel(t('marketplace.filter.kind')).selectOption('');
        await page.getByLabel(t('marketplace.filter.minPrice')).fill('100');
        await page.getByRole('button', { name: t('marketplace.filter.apply') }).click();
        await page.waitForURL(/minPrice=100/);
        expect(await cards.count()).toBe(1);
        await cards.first().getByText(text.bike).waitFor();
      });

      await step(page, locale, 'the seller marks the bike sold; it leaves the default view', async () => {
        await cards.first().getByRole('link').click();
        await page.locator('#mk-listing').waitFor();
        await page.getByRole('button', { name: t('marketplace.listing.markSold') }).click();
        await page.locator('#mk-listing .mk-status').getByText(t('marketplace.status.sold')).waitFor();
        await page.goto(`/plugins/marketplace/c/${await categoryId(page)}`);
        expect(await cards.count()).toBe(1);
        await cards.first().getByText(text.sofa).waitFor();
        await page.getByLabel(t('marketplace.filter.status')).selectOption('sold');
        await page.getByRole('button', { name: t('marketplace.filter.apply') }).click();
        await page.waitForURL(/status=sold/);
        expect(await cards.count()).toBe(1);
        await cards.first().getByText(text.bike).waitFor();
      });

      expect(problems).toEqual([]);
      await context.close();
    });

    async function categoryId(page: Page): Promise<string> {
      await page.goto(`/c/${encodeURIComponent(categorySlug)}`);
      const href = await page.getByRole('link', { name: translator(locale)('marketplace.browse') }).getAttribute('href');
      return /\/c\/(\d+)/.exec(href ?? '')?.[1] ?? '';
    }
  });
}
