import { createThread } from '../../core/forum/service/create-thread.ts';
import { definePlugin, type PluginSiteInfo } from '../../core/plugins/api.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory } from './helpers.ts';

let seen: PluginSiteInfo | undefined;

/** A global plugin that reads the site settings and writes beside each post's author. */
const flair = definePlugin({
  id: 'flair',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'global',
  setup(api) {
    api.routes.get('/site', async (c) => {
      seen = await api.site();
      return c.json(seen);
    });
    api.slot('post.byline', 'flair.byline', ({ post }) => <span class="flair-byline">{`author ${post.authorId}`}</span>);
  },
});

describe('plugin API: api.site() and the post.byline slot', () => {
  it('gives plugins the forum’s time zone, name and default locale', async () => {
    const forum = await createTestForum({ plugins: [flair] });
    await updateSiteSettings(forum.deps.db, { timeZone: 'Asia/Shanghai', defaultLocale: 'zh-CN' });
    const res = await forum.client().get('/plugins/flair/site');
    expect(await res.json()).toEqual({ forumName: 'Test Forum', timeZone: 'Asia/Shanghai', defaultLocale: 'zh-CN' });
    expect(seen?.timeZone).toBe('Asia/Shanghai');
  });

  it('renders post.byline in each post header, next to the author', async () => {
    const forum = await createTestForum({ plugins: [flair] });
    const category = await insertCategory(forum.deps.db, 'General');
    const { user } = await forum.member();
    const { thread } = await createThread({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false }, { categoryId: category.id, title: 'A thread with a byline', raw: 'Hello there, everyone.' });
    const html = await (await forum.client().get(`/t/${thread.id}/${thread.slug}`)).text();
    expect(html).toMatch(new RegExp(`<header class="post-header">.*author-name.*<span class="flair-byline">author ${user.id}</span>.*</header>`, 's'));
  });
});
