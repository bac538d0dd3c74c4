import { gunzipSync } from 'node:zlib';
import { createTestForum, type TestClient, type TestForum } from '../../helpers/app.ts';
import { category, reply, thread } from '../../forum/helpers.ts';
import { threadPath, categoryPath } from '../../../core/forum/service/slug.ts';
import { memberListingsFor, memberTemplates } from '../../../core/http/member-pages/store.ts';
import { renderedAlone } from './helpers.ts';

async function page(client: TestClient, path: string): Promise<string> {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  return response.text();
}

/** The same member's listing rendered for them alone, the way guests' pages are. */
function reference(client: TestClient, path: string): Promise<string> {
  return renderedAlone(() => page(client, path));
}

/**
 * A kept page says "now" or "1 second ago" as of when it was made (as guests' cached pages do): the
 * relative text of each time is left out of a comparison with a page rendered a moment later, its
 * `datetime` is not.
 */
const withoutRelativeTimes = (html: string) => html.replace(/(<time [^>]*>)[^<]*(<\/time>)/g, '$1$2');

/** Two threads; the reader has read the first and then two replies came, the other member has read nothing. */
async function forumWithUnread(forum: TestForum) {
  const author = await forum.member({ username: 'author', displayName: 'Ada Author' });
  const reader = await forum.member({ username: 'reader', displayName: 'Rui Reader' });
  const other = await forum.member({ username: 'other', displayName: 'Otto Other' });
  const c = await category(forum, { name: 'Shared listings', slug: 'shared-listings' });
  const { thread: first } = await thread(forum, author.user, { categoryId: c.id, title: 'Read by the reader' });
  const { thread: second } = await thread(forum, author.user, { categoryId: c.id, title: 'Read by nobody' });
  await page(reader.client, threadPath(first));
  await reply(forum, author.user, first.id, 'New since the reader looked.');
  await reply(forum, author.user, first.id, 'And another.');
  return { author, reader, other, category: c, first, second };
}

describe("members' listings from their class's template", () => {
  afterEach(() => {
    memberTemplates.enabled = true;
  });

  it('makes the home page once for the class and fills in each member’s unread badges, byte for byte their own page', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { author, reader, other, first } = await forumWithUnread(forum);

    const readers = await page(reader.client, '/');
    const badge = `class="badge unread-badge" href="/t/${first.id}#post-2"`;
    expect(readers).toContain(badge);
    expect(readers).toContain('Rui Reader');
    for (const { client } of [author, reader, other]) {
      const html = await page(client, '/');
      expect(withoutRelativeTimes(html)).toBe(withoutRelativeTimes(await reference(client, '/')));
    }
    const others = await page(other.client, '/');
    expect(others).toContain('Otto Other');
    expect(others).not.toContain('Rui Reader');
    expect(others).not.toContain('unread-badge');
    expect(others).toContain(`value="${other.client.cookies.get('csrf')}"`);
    expect(others).not.toContain(`value="${reader.client.cookies.get('csrf')}"`);
    expect(memberListingsFor(forum.deps).size).toBe(1);

    // reading the thread clears the badge at once: the unread state is read for every request
    await page(reader.client, threadPath(first));
    expect(await page(reader.client, '/')).not.toContain(badge);
  });

  it('fills in the member’s watch level on a category page, and keeps staff and languages apart', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { reader, other, category: c } = await forumWithUnread(forum);
    const mod = await forum.member({ username: 'moderator', role: 'moderator' });
    const zh = await forum.member({ username: 'zhmember', locale: 'zh-CN' });
    const path = categoryPath(c);
    expect((await reader.client.post(`/c/${c.slug}/watch`, { level: 'watching' })).status).toBeLessThan(400);

    const pages = new Map<string, string>();
    for (const [name, { client }] of Object.entries({ reader, other, mod, zh })) {
      const html = await page(client, path);
      expect(withoutRelativeTimes(html)).toBe(withoutRelativeTimes(await reference(client, path)));
      pages.set(name, html);
    }
    expect(pages.get('reader')).toMatch(/<option value="watching" selected/);
    expect(pages.get('other')).not.toMatch(/<option value="watching" selected/);
    expect(pages.get('mod')).toContain('href="/admin"');
    expect(pages.get('other')).not.toContain('href="/admin"');
    expect(pages.get('zh')).toContain('lang="zh-CN"');
    // members, staff and the zh-CN member: three classes
    expect(memberListingsFor(forum.deps).size).toBe(3);
  });

  it('gzips from compressed parts, and a write empties the templates', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { reader, author, second } = await forumWithUnread(forum);
    const plain = await page(reader.client, '/');
    const gzipped = await reader.client.get('/', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(withoutRelativeTimes(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString())).toBe(withoutRelativeTimes(plain));

    expect((await author.client.post(`/t/${second.id}/reply`, { raw: 'A reply that moves the thread up.' })).status).toBeLessThan(400);
    expect(memberListingsFor(forum.deps).size).toBe(0);
    expect(await page(reader.client, '/')).toContain('Read by nobody');
  });
});
