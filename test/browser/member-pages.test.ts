import type { Locale } from '../../core/i18n/index.ts';
import { createUser } from '../../core/accounts/service/users.ts';
import { createPost } from '../../core/forum/service/create-post.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import type { Page } from 'playwright-core';
import { browserSession, registerMember } from './page-helpers.ts';
import { forumWithThread, startBrowserForum, translator, type BrowserForum } from './harness.ts';

/** Reloads until the member lane answers: the member's session and the class's template are in memory. */
async function fromTemplate(page: Page, path: string): Promise<Record<string, string>> {
  let headers: Record<string, string> = {};
  await expect
    .poll(async () => {
      headers = (await page.goto(path))!.headers();
      return headers['x-member-page'];
    }, { timeout: 10_000, interval: 100 })
    .toBe('template');
  return headers;
}

// Members' thread pages are made once per class of members and filled in per member before the app runs
// (core/http/member-pages). A real browser must read them gzipped and act on them: like, reply.
for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  describe(`members' thread pages from their class's template in ${locale}`, () => {
    const t = translator(locale);
    const title = locale === 'en' ? 'One page for every member' : '每位会员共用的页面';
    let forum: BrowserForum;
    let path = '';
    let addReply: (raw: string) => Promise<number>;
    let threadId = 0;

    beforeAll(async () => {
      forum = await startBrowserForum();
      const { thread } = await forumWithThread(forum, { locale, forumName: 'Member pages', title, raw: `${title}.` });
      const { db, plugins } = forum.server.forum.deps;
      const writer = await createUser(db, { username: 'writer', email: 'writer@example.com', password: 'a long writer passphrase' });
      addReply = async (raw) => (await createPost({ db, hooks: plugins.hooks, user: writer }, { threadId: thread.id, raw })).post.number;
      await addReply(locale === 'en' ? 'A reply worth a like.' : '值得点赞的回复。');
      path = threadPath(thread);
      threadId = thread.id;
    });

    afterAll(async () => {
      await forum?.stop();
    });

    test('a member reads the page gzipped from the template, likes a reply, replies with its token and key, and finds what is new from the home page', async () => {
      const { problems, open, step } = browserSession(forum, locale, 'member-pages');
      const page = await open();
      const person = { username: `reader_${locale === 'en' ? 'en' : 'zh'}`, email: `reader-${locale}@example.com`, password: 'a long reader passphrase' };
      await registerMember(page, t, person);

      await step('the page comes from the template, with the member in the header', async () => {
        const headers = await fromTemplate(page, path);
        expect(headers['content-encoding']).toBe('gzip');
        await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
        await expect.poll(() => page.locator('nav.account-nav').getByRole('link', { name: person.username, exact: true }).count()).toBe(1);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      });
      await step('liking the reply works from the template page, and the next template page shows it liked', async () => {
        await page.locator('#post-2 button.like-button').click();
        await expect.poll(() => page.locator('#post-2 button.like-button').getAttribute('aria-pressed')).toBe('true');
        await fromTemplate(page, path);
        expect(await page.locator('#post-2 button.like-button').getAttribute('aria-pressed')).toBe('true');
      });
      await step('a reply posted from a template page arrives once', async () => {
        const text = locale === 'en' ? 'Posted from a shared page.' : '从共用页面发出的回复。';
        await page.getByLabel(t('forum.reply.label')).fill(text);
        await page.getByRole('button', { name: t('forum.reply.submit') }).click();
        await expect.poll(() => page.locator('#posts').getByText(text).count()).toBe(1);
        await fromTemplate(page, path);
        expect(await page.locator('#posts').getByText(text).count()).toBe(1);
      });
      await step('the home page, made once for the class, shows the member what is new since they read, and leads there', async () => {
        // away from the thread first: its open page would fetch the new reply live, and so have read it
        await page.goto('/');
        const number = await addReply(locale === 'en' ? 'Something new for the reader.' : '给读者的新回复。');
        const badge = page.locator(`#thread-${threadId} a.unread-badge`);
        await expect
          .poll(async () => {
            await page.goto('/');
            return badge.count();
          }, { timeout: 10_000, interval: 200 })
          .toBe(1);
        await badge.click();
        await expect.poll(() => page.url()).toContain(`#post-${number}`);
        await expect.poll(() => page.locator(`#post-${number}`).count()).toBe(1);
        await page.goto('/');
        expect(await badge.count()).toBe(0);
      });
      expect(problems).toEqual([]);
    });
  });
}
