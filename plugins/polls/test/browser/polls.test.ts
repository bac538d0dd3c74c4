import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { createSession } from '../../../../core/accounts/service/sessions.ts';
import { createUser } from '../../../../core/accounts/service/users.ts';
import { createThread } from '../../../../core/forum/service/create-thread.ts';
import { threadPath } from '../../../../core/forum/service/slug.ts';
import type { Locale } from '../../../../core/i18n/index.ts';
import { updateSiteSettings } from '../../../../core/site/settings.ts';
import { insertCategory } from '../../../../test/plugins/helpers.ts';
import { startBrowserForum, translator, type BrowserForum } from '../../../../test/browser/harness.ts';

// failures keep their screenshot where the core browser tests keep theirs (git-ignored)
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/browser/screenshots');

/** Names the failing step and keeps a screenshot of it. */
async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error) error.message = `[step: ${name}] at ${page.url()}: ${error.message}`;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, `failed-polls-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

/** Page errors and CSP violations (an inline style on a result bar would be one). */
function watchForScriptProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  return problems;
}

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`polls in the browser (${locale})`, () => {
    const zh = locale === 'zh-CN';
    const text = {
      thread: zh ? '周末活动大家定' : 'Plans for the weekend',
      question: zh ? '周末去哪儿？' : 'Where shall we go?',
      first: zh ? '爬山' : 'Hiking',
      second: zh ? '看电影' : 'Cinema',
      third: zh ? '桌游' : 'Board games',
    };
    let forum: BrowserForum;
    let threadUrl: string;
    const signIn: Record<'author' | 'voter', { token: string }> = { author: { token: '' }, voter: { token: '' } };

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { db, pluginHost, plugins } = forum.server.forum.deps;
      await updateSiteSettings(db, { setupComplete: true, forumName: 'Polls forum', setupToken: null, defaultLocale: locale });
      const category = await insertCategory(db, zh ? 'Huodong' : 'Events');
      await pluginHost.state.setCategory('polls', category.id, true);
      const author = await createUser(db, { username: 'organiser', email: 'organiser@example.com', password: 'a long enough passphrase' });
      const voter = await createUser(db, { username: 'neighbour', email: 'neighbour@example.com', password: 'another long passphrase' });
      const { thread } = await createThread({ db, hooks: plugins.hooks, user: author, restrictTags: false }, { categoryId: category.id, title: text.thread, raw: zh ? '大家投个票吧。' : 'Let us vote.' });
      threadUrl = threadPath(thread);
      signIn.author.token = (await createSession(db, author.id)).token;
      signIn.voter.token = (await createSession(db, voter.id)).token;
    });

    afterAll(async () => {
      await forum?.stop();
    });

    async function pageAs(who: 'author' | 'voter'): Promise<{ context: BrowserContext; page: Page }> {
      const opened = await forum.newPage(locale);
      await opened.context.addCookies([{ name: 'session', value: signIn[who].token, url: forum.baseUrl }]);
      return opened;
    }

    test('create a poll, vote, change the vote, see the results', async () => {
      const t = translator(locale);
      const author = await pageAs('author');
      const problems = watchForScriptProblems(author.page);
      const block = author.page.locator('.polls-block').filter({ hasText: text.question });

      await step(author.page, 'the starter adds a poll from the thread page', async () => {
        await author.page.goto(threadUrl);
        await author.page.getByRole('link', { name: t('polls.add.poll'), exact: true }).click();
        await author.page.getByRole('heading', { name: t('polls.create.poll') }).waitFor();
        await author.page.getByLabel(t('polls.form.question'), { exact: true }).fill(text.question);
        await author.page.getByLabel(t('polls.form.options'), { exact: true }).fill([text.first, text.second, text.third].join('\n'));
        await author.page.getByRole('button', { name: t('polls.create.submit') }).click();
        await author.page.waitForURL((url) => url.pathname === threadUrl || url.pathname === threadUrl.replace(/\/[^/]+$/, ''));
        await block.waitFor();
        await block.getByText(t('polls.responders.poll.other', { count: '0' })).waitFor();
      });

      const voter = await pageAs('voter');
      problems.push(...watchForScriptProblems(voter.page));
      const ballot = voter.page.locator('.polls-block').filter({ hasText: text.question });
      const option = (label: string) => ballot.locator('li.polls-option').filter({ hasText: label });

      await step(voter.page, 'a member votes without a page reload', async () => {
        await voter.page.goto(threadUrl);
        await voter.page.evaluate(() => {
          (window as unknown as { __marker: number }).__marker = 1;
        });
        await ballot.getByLabel(text.first, { exact: true }).check();
        await ballot.getByRole('button', { name: t('polls.vote') }).click();
        await voter.page.getByRole('status').getByText(t('polls.notice.poll')).waitFor();
        await option(text.first).getByText(t('polls.votes.one', { count: '1', percent: 100 })).waitFor();
        await option(text.first).getByText(t('polls.yourChoice')).waitFor();
        expect(await voter.page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
      });

      await step(voter.page, 'the member changes the vote in place', async () => {
        await ballot.getByLabel(text.second, { exact: true }).check();
        await ballot.getByRole('button', { name: t('polls.changeVote') }).click();
        await voter.page.getByRole('status').getByText(t('polls.notice.changed')).waitFor();
        await option(text.second).getByText(t('polls.votes.one', { count: '1', percent: 100 })).waitFor();
        await option(text.first).getByText(t('polls.votes.other', { count: '0', percent: 0 })).waitFor();
        expect(await option(text.second).locator('.polls-fill').getAttribute('class')).toContain('polls-w-100');
        expect(await voter.page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
      });

      await step(author.page, 'the starter sees the results with the voter’s name', async () => {
        await author.page.reload();
        await block.getByText(t('polls.responders.poll.one', { count: '1' })).waitFor();
        await block.locator('li.polls-option').filter({ hasText: text.second }).getByRole('link', { name: 'neighbour' }).waitFor();
      });

      expect(problems).toEqual([]);
      await author.context.close();
      await voter.context.close();
    });
  });
}
