import { setThreadFlags } from '../../core/forum/service/moderate-thread.ts';
import { createTestForum, type TestClient, type TestForum } from '../helpers/app.ts';
import { category, thread } from './helpers.ts';

/** A public category, a staff-only one, and a sub-category that is open itself but sits under the hidden one. */
async function setup() {
  const forum = await createTestForum();
  const { user: mod, client: modClient } = await forum.member({ role: 'moderator' });
  const open = await category(forum, { name: 'Open square' });
  const hidden = await category(forum, { name: 'Hidden war room', readAccess: 'moderator', startAccess: 'moderator' });
  const hiddenSub = await category(forum, { name: 'Hidden annex', parentId: hidden.id, readAccess: 'everyone' });
  const visible = await thread(forum, mod, { categoryId: open.id, title: 'Visible public thread', tags: 'shared' });
  const secret = await thread(forum, mod, { categoryId: hidden.id, title: 'Secret staff plans', tags: 'shared' });
  const annex = await thread(forum, mod, { categoryId: hiddenSub.id, title: 'Secret annex notes', tags: 'shared' });
  for (const t of [secret, annex]) {
    await setThreadFlags({ db: forum.deps.db, user: mod }, t.thread.id, { pinned: 'global', featured: true });
  }
  await setThreadFlags({ db: forum.deps.db, user: mod }, visible.thread.id, { featured: true });
  return { forum, modClient, open, hidden, hiddenSub, visible, secret, annex };
}

const secretWords = ['Secret staff plans', 'Secret annex notes', 'Hidden war room', 'Hidden annex'];

async function expectClean(client: TestClient, path: string) {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  const body = await res.text();
  for (const word of secretWords) expect(body, `${path} leaks "${word}"`).not.toContain(word);
  return body;
}

async function viewers(forum: TestForum): Promise<[string, TestClient][]> {
  const { client: member } = await forum.member();
  return [
    ['guest', forum.client()],
    ['member', member],
  ];
}

describe('a category readable only by staff', () => {
  it('stays out of every listing, index and feed', async () => {
    const { forum, visible } = await setup();
    for (const [, client] of await viewers(forum)) {
      for (const path of ['/', '/latest', '/newest', '/top?period=all', '/featured', '/tag/shared', '/categories', '/latest.rss', '/latest.atom']) {
        await expectClean(client, path);
      }
      expect(await expectClean(client, '/featured')).toContain(visible.thread.title);
      expect(await expectClean(client, '/tag/shared')).toContain(visible.thread.title);
    }
  });

  it('answers 404 for its pages, threads, posts and feed, exactly like missing ones', async () => {
    const { forum, hidden, hiddenSub, secret, annex } = await setup();
    for (const [who, client] of await viewers(forum)) {
      const paths = [
        `/c/${encodeURIComponent(hidden.slug)}`,
        `/c/${encodeURIComponent(hiddenSub.slug)}`,
        `/c/${encodeURIComponent(hidden.slug)}.rss`,
        `/c/${encodeURIComponent(hidden.slug)}/new`,
        `/t/${secret.thread.id}`,
        `/t/${secret.thread.id}/${encodeURIComponent(secret.thread.slug)}`,
        `/t/${annex.thread.id}/${encodeURIComponent(annex.thread.slug)}`,
        `/t/${secret.thread.id}/reply`,
        `/p/${secret.post.id}`,
        `/p/${annex.post.id}`,
        `/p/${secret.post.id}/history`,
        `/p/${secret.post.id}/edit`,
      ];
      for (const path of paths) {
        const res = await client.get(path);
        expect(res.status, `${who} ${path}`).toBe(404);
        const body = await res.text();
        for (const word of secretWords) expect(body).not.toContain(word);
      }
      const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
      const missing = main(await (await client.get('/t/999999')).text());
      expect(missing).toContain('Page not found');
      expect(main(await (await client.get(`/t/${secret.thread.id}`)).text())).toBe(missing);
    }
  });

  it('cannot be written to by members', async () => {
    const { forum, hidden, secret } = await setup();
    const { client } = await forum.member();
    const composer = await expectClean(client, '/new');
    expect(composer).toContain('Open square');
    const start = await client.post('/new', { categoryId: String(hidden.id), title: 'Sneaky thread', raw: 'hello' });
    expect(start.status).toBe(422);
    expect(await start.text()).toContain('You cannot start a thread in this category.');
    expect((await client.post(`/t/${secret.thread.id}/reply`, { raw: 'let me in' })).status).toBe(404);
    expect((await client.post(`/p/${secret.post.id}/like`)).status).toBe(404);
    expect((await client.post(`/p/${secret.post.id}/edit`, { raw: 'x' })).status).toBe(404);
  });

  it('is shown in full to staff', async () => {
    const { modClient, hidden, hiddenSub, secret, annex } = await setup();
    expect((await modClient.get(`/c/${encodeURIComponent(hidden.slug)}`)).status).toBe(200);
    expect((await modClient.get(`/c/${encodeURIComponent(hiddenSub.slug)}`)).status).toBe(200);
    const home = await (await modClient.get('/')).text();
    expect(home).toContain(secret.thread.title);
    expect(home).toContain(annex.thread.title);
    expect((await modClient.get(`/t/${secret.thread.id}/${encodeURIComponent(secret.thread.slug)}`)).status).toBe(200);
    // feeds are public documents: staff get the guest's view there too
    expect(await (await modClient.get('/latest.rss')).text()).not.toContain(secret.thread.title);
  });

  it('lists its colour in categories.css but never its name', async () => {
    const { forum, hidden } = await setup();
    const css = await (await forum.client().get('/assets/categories.css')).text();
    expect(css).toContain(`.cat-${hidden.id} `);
    expect(css).not.toContain('Hidden');
  });
});
