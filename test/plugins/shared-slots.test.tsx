import { definePlugin } from '../../core/plugins/api.ts';
import { threadPath } from '../../core/forum/service/slug.ts';
import { memberTemplates } from '../../core/http/member-pages/store.ts';
import { createTestForum, type TestClient } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';

let bylineRenders = 0;

/** One slot that shows the viewer (rendered for each member) and one marked shared (rendered once per class). */
const greeter = definePlugin({
  id: 'greeter',
  version: '1.0.0',
  coreApi: '^1.4.0',
  scope: 'global',
  setup(api) {
    api.slot('thread.belowFirstPost', 'greeter.hello', ({ vc }) => <p class="greeting">Hello, {vc.user?.displayName ?? 'guest'}</p>);
    api.slot(
      'post.byline',
      'greeter.flair',
      ({ post }) => {
        bylineRenders++;
        return <span class="flair">#{post.number}</span>;
      },
      { shared: true },
    );
  },
});

async function lanePage(client: TestClient, path: string): Promise<string> {
  let html = '';
  await expect
    .poll(async () => {
      const response = await client.get(path);
      html = await response.text();
      return response.headers.get('x-member-page');
    }, { timeout: 5000, interval: 20 })
    .toBe('template');
  return html;
}

describe('plugin API 1.4: slots shared by a class of members', () => {
  afterEach(() => {
    memberTemplates.enabled = true;
  });

  it('renders a slot that reads the viewer for each member, and a shared one once for all of them', async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' }, plugins: [greeter] });
    const ann = await forum.member({ username: 'ann', displayName: 'Ann Member' });
    const bob = await forum.member({ username: 'bob', displayName: 'Bob Member' });
    const c = await category(forum, { name: 'Greetings', slug: 'greetings' });
    const { thread: t } = await thread(forum, ann.user, { categoryId: c.id, title: 'Slots on shared pages' });
    const path = threadPath(t);

    const annsPage = await lanePage(ann.client, path);
    const bobsPage = await lanePage(bob.client, path);
    expect(annsPage).toContain('Hello, Ann Member');
    expect(bobsPage).toContain('Hello, Bob Member');
    expect(bobsPage).not.toContain('Hello, Ann Member');
    expect(bobsPage).toContain('<span class="flair">#1</span>');

    // the shared byline was rendered into the template, not once per member
    const before = bylineRenders;
    await ann.client.get(path);
    await bob.client.get(path);
    expect(bylineRenders).toBe(before);

    memberTemplates.enabled = false;
    const reference = await (await bob.client.get(path)).text();
    const strip = (html: string) => html.replace(/name="_submission" value="[^"]*"/g, '');
    expect(strip(bobsPage)).toBe(strip(reference));
  });
});
