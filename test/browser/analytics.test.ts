import { readFile } from 'node:fs/promises';
import type { Locale } from '../../core/i18n/index.ts';
import { browserSession, signedInAs, type Person } from './page-helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from './harness.ts';

const admin = { username: 'analyst', email: 'analyst@example.com', password: 'a long admin passphrase' } satisfies Person;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`analytics dashboard in ${locale}`, () => {
    const t = translator(locale);
    let forum: BrowserForum;

    beforeAll(async () => {
      forum = await startBrowserForum();
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('an admin opens the dashboard, changes the range and exports CSV', async () => {
      const { problems, open, step } = browserSession(forum, locale, 'analytics');
      const page = await open();

      await step('set up the forum', async () => {
        await page.goto('/');
        await page.waitForURL(/\/setup$/);
        await page.getByLabel(t('setup.token'), { exact: true }).fill(await forum.setupToken());
        await page.getByLabel(t('setup.forumName'), { exact: true }).fill(locale === 'zh-CN' ? '数据社区' : 'Data forum');
        await page.getByLabel(t('setup.defaultLocale')).selectOption(locale);
        await page.getByLabel(t('account.username'), { exact: true }).fill(admin.username);
        await page.getByLabel(t('account.email'), { exact: true }).fill(admin.email);
        await page.getByLabel(t('account.password'), { exact: true }).fill(admin.password);
        await page.getByRole('button', { name: t('setup.submit') }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await signedInAs(page, admin.username);
      });

      await step('open the dashboard from the admin navigation', async () => {
        await page.goto('/admin');
        await page.getByRole('navigation', { name: t('admin.nav') }).getByRole('link', { name: t('analytics.title') }).click();
        await page.waitForURL((url) => url.pathname === '/admin/analytics');
        for (const panel of ['growth', 'activity', 'retention', 'content', 'segments']) {
          await page.getByRole('heading', { level: 2, name: t(`analytics.panel.${panel}`) }).waitFor();
        }
        await page.getByText(t('analytics.partial')).waitFor();
        // the admin signed in today: one member active (live, partial figures)
        const dau = page.locator('[data-metric="dau"] .analytics-value');
        expect(await dau.textContent()).toBe('1');
        await page.getByRole('img', { name: t('analytics.panel.activity') }).first().waitFor();
      });

      await step('the charts take their colours from the theme, light and dark', async () => {
        const stroke = () => page.locator('#panel-activity polyline, #panel-activity circle.analytics-series').first().evaluate((el) => getComputedStyle(el).stroke);
        await page.emulateMedia({ colorScheme: 'light' });
        const light = await stroke();
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await stroke();
        expect(light).toBe('rgb(29, 95, 180)');
        expect(dark).toBe('rgb(58, 116, 208)');
        await page.emulateMedia({ colorScheme: 'light' });
      });

      await step('change the range with a preset and with the custom form', async () => {
        await page.getByRole('navigation', { name: t('analytics.range') }).getByRole('link', { name: t('analytics.range.7d') }).click();
        await page.waitForURL(/range=7d/);
        const current = page.getByRole('navigation', { name: t('analytics.range') }).locator('[aria-current="true"]');
        expect(await current.textContent()).toBe(t('analytics.range.7d'));
        await page.getByLabel(t('analytics.from'), { exact: true }).fill('2026-01-05');
        await page.getByLabel(t('analytics.to'), { exact: true }).fill('2026-01-11');
        await page.getByRole('button', { name: t('analytics.apply') }).click();
        await page.waitForURL(/range=custom/);
        await page.getByText(t('analytics.period', { from: '2026-01-05', to: '2026-01-11', prevFrom: '2025-12-29', prevTo: '2026-01-04' })).waitFor();
        await page.getByText(t('analytics.missing', { count: 7 })).waitFor();
      });

      await step('export the growth panel as CSV', async () => {
        await page.getByRole('link', { name: t('analytics.range.30d') }).click();
        await page.waitForURL(/range=30d/);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('#panel-growth').getByRole('link', { name: t('analytics.export') }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^analytics-growth-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
        const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
        const [header, ...rows] = text.trim().split('\r\n');
        expect(header).toBe([t('analytics.day'), t('analytics.metric.newMembers'), t('analytics.metric.newInvited'), t('analytics.metric.newDirect'), t('analytics.metric.membersTotal')].join(','));
        // today, live: the admin joined today
        expect(rows.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},1,0,1,1$/);
      });

      expect(problems).toEqual([]);
    });
  });
}
