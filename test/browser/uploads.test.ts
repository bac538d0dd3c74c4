import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createSession } from '../../core/accounts/service/sessions.ts';
import { createUser } from '../../core/accounts/service/users.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { insertCategory } from '../plugins/helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';
import { browserSession, screenshotsDir } from './page-helpers.ts';

/** Image uploads (core/uploads): the composer's button inserts Markdown; the avatar form replaces the picture. */
for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`image uploads in the browser (${locale})`, () => {
    let forum: BrowserForum;
    let token = '';

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { db } = forum.server.forum.deps;
      await updateSiteSettings(db, { setupComplete: true, forumName: 'Photo forum', setupToken: null, defaultLocale: locale });
      await insertCategory(db, 'General');
      const member = await createUser(db, { username: 'photographer', email: 'photo@example.com', password: 'a long enough passphrase' });
      token = (await createSession(db, member.id)).token;
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('insert an uploaded image into a new thread, and upload an avatar', async () => {
      const t = translator(locale);
      const session = browserSession(forum, locale, 'uploads');
      const page = await session.open();
      await page.context().addCookies([{ name: 'session', value: token, url: forum.baseUrl }]);
      const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2288cc' } }).png().toBuffer();

      await session.step('the composer button uploads and inserts Markdown', async () => {
        await page.goto('/new');
        const button = page.locator('.upload-control .upload-button');
        await button.waitFor();
        // with JavaScript the plain-form link gives way to the button
        expect(await page.locator('.upload-control .upload-fallback').isVisible()).toBe(false);
        await page.locator('#f-raw').fill(locale === 'zh-CN' ? '看看这张照片：' : 'Look at this:');
        await page.locator('.upload-control input[type=file]').setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });
        await page.locator('.upload-status').getByText(t('uploads.composer.inserted')).waitFor();
        const raw = await page.locator('#f-raw').inputValue();
        expect(raw).toMatch(/!\[\]\(\/uploads\/[a-f0-9]{32}-w1024\.webp\)/);
      });

      await session.step('the thread shows the image', async () => {
        await page.getByLabel(t('forum.composer.category')).selectOption({ label: 'General' });
        await page.getByLabel(t('forum.composer.title'), { exact: true }).fill(locale === 'zh-CN' ? '今天拍的照片' : 'A photo from today');
        await page.getByRole('button', { name: t('forum.composer.submit') }).click();
        await page.waitForURL(/\/t\/\d+/);
        const image = page.locator('.post img[src^="/uploads/"]').first();
        await image.waitFor();
        expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(900);
        mkdirSync(screenshotsDir, { recursive: true });
        await page.screenshot({ path: path.join(screenshotsDir, `uploads-thread-${locale}.png`), fullPage: true });
      });

      await session.step('a refused file shows the message', async () => {
        await page.goto('/new');
        await page.locator('.upload-control input[type=file]').setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: Buffer.from('<html><body>hi</body></html>') });
        await page.locator('.upload-status').getByText(t('uploads.error.type')).waitFor();
      });

      await session.step('the avatar form replaces the generated picture', async () => {
        await page.goto('/u/photographer');
        await page.getByLabel(t('uploads.page.file')).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
        await page.getByRole('button', { name: t('uploads.avatar.submit') }).click();
        await page.waitForURL(/\/u\/photographer/);
        const avatar = page.locator('img.avatar-large');
        expect(await avatar.getAttribute('src')).toMatch(/^\/uploads\/[a-f0-9]{32}-a256\.webp$/);
        expect(await avatar.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(256);
        await page.screenshot({ path: path.join(screenshotsDir, `uploads-avatar-${locale}.png`), fullPage: true });
      });

      expect(session.problems).toEqual([]);
      for (const context of session.contexts) await context.close();
    });
  });
}
