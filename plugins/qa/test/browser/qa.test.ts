import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { createSession } from '../../../../core/accounts/service/sessions.ts';
import { createUser } from '../../../../core/accounts/service/users.ts';
import type { Locale } from '../../../../core/i18n/index.ts';
import { updateSiteSettings } from '../../../../core/site/settings.ts';
import { insertCategory } from '../../../../test/plugins/helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from '../../../../test/browser/harness.ts';
import { watchForPageProblems } from '../../../../test/browser/page-helpers.ts';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/browser/screenshots');

/** Names the failing step and keeps a screenshot of it. */
async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error) error.message = `[step: ${name}] at ${page.url()}: ${error.message}`;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, `failed-qa-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`Q&A in the browser (${locale})`, () => {
    const zh = locale === 'zh-CN';
    const text = {
      title: zh ? '路由器总是断线怎么办？' : 'Why does my router keep dropping?',
      body: zh ? '每隔几分钟就断一次，试过重启也没用。' : 'Every few minutes it drops, restarting did not help.',
      answer: zh ? '把固件升级到最新版本。' : 'Update the firmware to the latest version.',
    };
    let forum: BrowserForum;
    let categoryId = 0;
    let categorySlug = '';
    const tokens: Record<'asker' | 'answerer', string> = { asker: '', answerer: '' };

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { db, pluginHost } = forum.server.forum.deps;
      await updateSiteSettings(db, { setupComplete: true, forumName: 'QA forum', setupToken: null, defaultLocale: locale });
      const category = await insertCategory(db, zh ? 'Wenda' : 'Help');
      categoryId = category.id;
      categorySlug = category.slug;
      await pluginHost.state.setCategory('qa', category.id, true);
      const asker = await createUser(db, { username: 'asker', email: 'asker@example.com', password: 'a long enough passphrase' });
      const answerer = await createUser(db, { username: 'helper', email: 'helper@example.com', password: 'another long passphrase' });
      tokens.asker = (await createSession(db, asker.id)).token;
      tokens.answerer = (await createSession(db, answerer.id)).token;
    });

    afterAll(async () => {
      await forum?.stop();
    });

    async function pageAs(who: 'asker' | 'answerer'): Promise<{ context: BrowserContext; page: Page }> {
      const opened = await forum.newPage(locale);
      await opened.context.addCookies([{ name: 'session', value: tokens[who], url: forum.baseUrl }]);
      return opened;
    }

    test('ask a question, answer it, vote, accept, see it solved', async () => {
      const t = translator(locale);
      const asker = await pageAs('asker');
      const problems = watchForPageProblems(asker.page);
      let threadPath = '';

      await step(asker.page, 'the asker asks a question in the Q&A category', async () => {
        await asker.page.goto(`/new?category=${categoryId}`);
        await asker.page.getByText(t('qa.composer.askHint')).waitFor();
        await asker.page.getByLabel(t('forum.composer.title'), { exact: true }).fill(text.title);
        await asker.page.getByLabel(t('forum.composer.body'), { exact: true }).fill(text.body);
        await asker.page.getByRole('button', { name: t('forum.composer.submit') }).click();
        await asker.page.getByRole('heading', { name: text.title }).waitFor();
        await asker.page.locator('.qa-status').getByText(t('qa.unsolved')).waitFor();
        threadPath = new URL(asker.page.url()).pathname;
      });

      const answerer = await pageAs('answerer');
      watchForPageProblems(answerer.page, problems);
      await step(answerer.page, 'another member answers', async () => {
        await answerer.page.goto(threadPath);
        await answerer.page.getByText(t('qa.composer.answerHint')).waitFor();
        await answerer.page.getByLabel(t('forum.reply.label'), { exact: true }).fill(text.answer);
        await answerer.page.getByRole('button', { name: t('forum.reply.submit'), exact: true }).click();
        await answerer.page.locator('.post').filter({ hasText: text.answer }).waitFor();
        await answerer.page.reload();
        // no vote buttons on your own answer
        const own = answerer.page.locator('.post').filter({ hasText: text.answer });
        await own.locator('.qa-score').waitFor();
        expect(await own.getByRole('button', { name: t('qa.vote.up') }).count()).toBe(0);
      });

      const answer = asker.page.locator('.post').filter({ hasText: text.answer });
      await step(asker.page, 'the asker votes the answer up in place', async () => {
        await asker.page.reload();
        await asker.page.evaluate(() => {
          (window as unknown as { __marker: number }).__marker = 1;
        });
        await answer.getByRole('button', { name: t('qa.vote.up') }).click();
        await answer.getByRole('button', { name: t('qa.vote.undoUp') }).waitFor();
        expect(await answer.locator('.qa-score').textContent()).toBe('1');
        expect(await asker.page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
      });

      await step(asker.page, 'the asker accepts the answer', async () => {
        await answer.getByRole('button', { name: t('qa.accept.do') }).click();
        await answer.getByText(t('qa.accepted')).waitFor();
        await asker.page.locator('.qa-status').getByText(t('qa.solved')).waitFor();
        // right under the question
        const numbers = await asker.page.locator('article.post').evaluateAll((els) => els.map((el) => el.getAttribute('data-post-number')));
        expect(numbers).toEqual(['1', '2']);
        expect(await asker.page.locator('script[type="application/ld+json"]').count()).toBe(1);
      });

      await step(asker.page, 'listings show the question as solved', async () => {
        await asker.page.goto(`/c/${categorySlug}`);
        await asker.page.locator('.thread-row').filter({ hasText: text.title }).locator('.qa-solved').waitFor();
        await asker.page.getByRole('link', { name: t('qa.show.solved'), exact: true }).click();
        await asker.page.getByRole('heading', { name: t('qa.listing.title', { category: zh ? 'Wenda' : 'Help' }) }).waitFor();
        await asker.page.locator('.qa-row.solved').filter({ hasText: text.title }).waitFor();
        await asker.page.getByRole('link', { name: t('qa.show.unanswered'), exact: true }).click();
        await asker.page.getByText(t('qa.listing.empty.unanswered')).waitFor();
      });

      expect(problems).toEqual([]);
      await asker.context.close();
      await answerer.context.close();
    });
  });
}
