import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { createTestForum, type TestClient, type TestForum } from '../../helpers/app.ts';
import { category, reply, thread } from '../../forum/helpers.ts';
import { threadPath } from '../../../core/forum/service/slug.ts';
import { posts } from '../../../core/forum/schema.ts';
import { users } from '../../../core/accounts/schema.ts';
import { memberPagesFor, memberTemplates } from '../../../core/http/member-pages/store.ts';
import { renderedAlone } from './helpers.ts';

/** Each form's idempotency key is fresh per page: the one part of two renderings that must differ. */
const withoutSubmissionKeys = (html: string) => html.replace(/name="_submission" value="[^"]*"/g, 'name="_submission" value=""');

async function page(client: TestClient, path: string): Promise<{ html: string; lane: boolean; response: Response }> {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  return { html: await response.text(), lane: response.headers.get('x-member-page') === 'template', response };
}

/**
 * Until the lane answers: the member's session and the template are in memory. Writes made just before (the
 * test's own set-up) publish live events that empty the caches when they arrive, a moment later.
 */
async function warm(client: TestClient, path: string): Promise<void> {
  await expect.poll(async () => (await page(client, path)).lane, { timeout: 5000, interval: 20 }).toBe(true);
}

/** The same member's page rendered for them alone, the way every other page is. */
async function reference(client: TestClient, path: string): Promise<string> {
  return renderedAlone(async () => (await page(client, path)).html);
}

async function threadWithReplies(forum: TestForum) {
  const author = await forum.member({ username: 'author', displayName: 'Ada Author' });
  const reader = await forum.member({ username: 'reader', displayName: 'Rui Reader' });
  const other = await forum.member({ username: 'other', displayName: 'Otto Other' });
  const c = await category(forum, { name: 'Shared pages', slug: 'shared-pages' });
  const { thread: t } = await thread(forum, author.user, { categoryId: c.id, title: 'One page for many members' });
  const readersReply = await reply(forum, reader.user, t.id, 'The reader answers.');
  await reply(forum, other.user, t.id, 'Someone else answers.');
  return { author, reader, other, thread: t, readersReply, path: threadPath(t) };
}

describe("members' thread pages from their class's template", () => {
  afterEach(() => {
    memberTemplates.enabled = true;
  });

  it('answers the next member of the same class from the template, byte for byte what the page rendered for them alone would be', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { author, reader, other, path, readersReply } = await threadWithReplies(forum);

    // the first request of each member goes through the app (their session is not in memory yet)
    expect((await page(author.client, path)).lane).toBe(false);
    for (const { client } of [author, reader, other]) await warm(client, path);

    for (const { client, user } of [author, reader, other]) {
      const answered = await page(client, path);
      expect(answered.lane).toBe(true);
      expect(answered.html).toContain(user.displayName);
      expect(withoutSubmissionKeys(answered.html)).toBe(withoutSubmissionKeys(await reference(client, path)));
    }

    const readersPage = (await page(reader.client, path)).html;
    expect(readersPage).not.toContain('Ada Author</a><a href="/preferences"');
    // the reader edits their own reply, and likes and reports the others'
    expect(readersPage).toContain(`href="/p/${readersReply.id}/edit"`);
    expect(readersPage).not.toContain(`/report/post/${readersReply.id}"`);
    expect(readersPage).toContain('class="report-link');
    expect(readersPage).toContain(`value="${reader.client.cookies.get('csrf')}"`);
    expect(readersPage).not.toContain(`value="${author.client.cookies.get('csrf')}"`);
    const authorsPage = (await page(author.client, path)).html;
    expect(authorsPage).not.toContain(`href="/p/${readersReply.id}/edit"`);
    expect(authorsPage).toContain(`/report/post/${readersReply.id}"`);
    expect(memberPagesFor(forum.deps).size).toBe(1);
  });

  it('fills in each member’s likes, watch level and header counts, and a write empties the templates', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { reader, other, path, thread: t } = await threadWithReplies(forum);
    const firstPost = (await forum.deps.db.select().from(posts).where(eq(posts.threadId, t.id)).orderBy(posts.number))[0]!;
    await warm(reader.client, path);
    await warm(other.client, path);

    expect((await reader.client.post(`/p/${firstPost.id}/like`)).status).toBeLessThan(400);
    expect((await reader.client.post(`/t/${t.id}/watch`, { level: 'muted' })).status).toBeLessThan(400);
    expect(memberPagesFor(forum.deps).size).toBe(0);

    await warm(reader.client, path); // the template is made again after the write
    await warm(other.client, path);
    const liked = await page(reader.client, path);
    expect(liked.lane).toBe(true);
    expect(liked.html).toMatch(new RegExp(`action="/p/${firstPost.id}/like"[^>]*>\\s*<input[^>]*>\\s*<button[^>]*aria-pressed="true"`));
    expect(liked.html).toMatch(/<option value="muted" selected/);
    const notLiked = await page(other.client, path);
    expect(notLiked.lane).toBe(true);
    expect(notLiked.html).toMatch(new RegExp(`action="/p/${firstPost.id}/like"[^>]*>\\s*<input[^>]*>\\s*<button[^>]*aria-pressed="false"`));
    expect(notLiked.html).not.toMatch(/<option value="muted" selected/);
    expect(withoutSubmissionKeys(liked.html)).toBe(withoutSubmissionKeys(await reference(reader.client, path)));
  });

  it('keeps classes apart: staff, another language, and a held post only its author sees', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { author, reader, path, thread: t } = await threadWithReplies(forum);
    const mod = await forum.member({ username: 'moderator', role: 'moderator' });
    const zh = await forum.member({ username: 'zhmember', locale: 'zh-CN' });
    const held = await reply(forum, author.user, t.id, 'Waiting for review.');
    await forum.deps.db.update(posts).set({ heldAt: new Date() }).where(eq(posts.id, held.id));

    for (const { client } of [author, reader, mod, zh]) await warm(client, path);
    const pages = new Map<string, string>();
    for (const [name, { client }] of Object.entries({ author, reader, mod, zh })) {
      const answered = await page(client, path);
      expect(answered.lane).toBe(true);
      expect(withoutSubmissionKeys(answered.html)).toBe(withoutSubmissionKeys(await reference(client, path)));
      pages.set(name, answered.html);
    }
    expect(pages.get('author')).toContain('Waiting for review.');
    expect(pages.get('mod')).toContain('Waiting for review.');
    expect(pages.get('reader')).not.toContain('Waiting for review.');
    expect(pages.get('mod')).toContain('href="/admin"');
    expect(pages.get('reader')).not.toContain('href="/admin"');
    expect(pages.get('zh')).toContain('lang="zh-CN"');
    // members, staff and the zh-CN member: three classes
    expect(memberPagesFor(forum.deps).size).toBe(3);
  });

  it('gzips from compressed parts, and the result is the plain page', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { reader, path } = await threadWithReplies(forum);
    await warm(reader.client, path);
    const plain = await page(reader.client, path);
    const gzipped = await reader.client.get(path, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('x-member-page')).toBe('template');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await gzipped.arrayBuffer());
    // fetch in tests leaves the body as sent: decode it ourselves
    const html = bytes[0] === 0x1f ? gunzipSync(bytes).toString() : bytes.toString();
    expect(withoutSubmissionKeys(html)).toBe(withoutSubmissionKeys(plain.html));
    expect(bytes.length).toBeLessThan(plain.html.length * 0.6);
  });

  it('leaves to the app what it cannot answer alike: silenced members, fragments, members it has not seen', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { reader, other, path } = await threadWithReplies(forum);
    await warm(reader.client, path);
    await warm(other.client, path);

    await forum.deps.db.update(users).set({ silencedAt: new Date() }).where(eq(users.id, other.user.id));
    forum.deps.pageCache.invalidate();
    await page(other.client, path);
    const silenced = await page(other.client, path);
    expect(silenced.lane).toBe(false);
    expect(silenced.html).toContain('standing');

    const fragment = await reader.client.get(`${path}?page=1`, { 'hx-request': 'true' });
    expect(fragment.headers.get('x-member-page')).toBeNull();

    const stranger = await forum.member({ username: 'newcomer' });
    expect((await page(stranger.client, path)).lane).toBe(false);
    await warm(stranger.client, path);
  });

  it('treats a session revoked on this instance as signed out at once', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { reader, path } = await threadWithReplies(forum);
    await warm(reader.client, path);
    const token = reader.client.cookies.get('session');
    expect((await reader.client.post('/logout')).status).toBeLessThan(400);
    reader.client.cookies.set('session', token!);
    const after = await reader.client.get(path);
    expect(after.headers.get('x-member-page')).toBeNull();
    const html = await after.text();
    expect(html).not.toContain('action="/logout"');
    expect(html).toContain('href="/login?next=');
  });
});
