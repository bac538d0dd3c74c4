import { createPost } from '../../core/forum/service/create-post.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { definePlugin, perView, type ViewContext } from '../../core/plugins/api.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { insertCategory } from './helpers.ts';

/** What the preload saw, per page view, and how often it ran. */
const loaded = new WeakMap<ViewContext, Map<number, string>>();
const sidebarCards = new WeakMap<ViewContext, string>();
const calls: { slot: string; places: number }[] = [];
let failPreload = false;

/** A plugin whose bylines and footers render only what their preloads loaded: a missing preload shows. */
const preloaded = definePlugin({
  id: 'preloaded',
  version: '1.0.0',
  coreApi: '^1.2.0',
  scope: 'category',
  setup(api) {
    api.slot('post.byline', 'preloaded.byline', ({ vc, post }) => <span class="preloaded">{loaded.get(vc)?.get(post.id) ?? 'not preloaded'}</span>, {
      async preload({ vc, places }) {
        calls.push({ slot: 'post.byline', places: places.length });
        if (failPreload) throw new Error('preload broke');
        loaded.set(vc, new Map(places.map(({ post }) => [post.id, `loaded #${post.number}`])));
      },
    });
    api.slot('sidebar', 'preloaded.sidebar', ({ vc }) => <section class="preloaded-card">{sidebarCards.get(vc) ?? 'not preloaded'}</section>, {
      async preload({ vc, places }) {
        calls.push({ slot: 'sidebar', places: places.length });
        sidebarCards.set(vc, 'card loaded');
      },
    });
    api.slot('thread.belowFirstPost', 'preloaded.below', () => <aside class="below">below</aside>, {
      async preload({ places }) {
        calls.push({ slot: 'thread.belowFirstPost', places: places.length });
      },
    });
  },
});

async function threadWithReplies(forum: TestForum, categoryId: number) {
  const { user } = await forum.member();
  const ctx = { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false };
  const { thread } = await createThread(ctx, { categoryId, title: 'Preloaded bylines', raw: 'The opening post.' });
  for (const raw of ['A first reply.', 'A second reply.']) await createPost(ctx, { threadId: thread.id, raw });
  return thread;
}

describe('plugin API: slot preloads', () => {
  beforeEach(() => {
    calls.length = 0;
    failPreload = false;
  });

  it("loads every post's slot data in one call before the thread page renders", async () => {
    const forum = await createTestForum({ plugins: [preloaded] });
    const category = await insertCategory(forum.deps.db, 'Preload');
    await forum.deps.pluginHost.state.setCategory('preloaded', category.id, true);
    const thread = await threadWithReplies(forum, category.id);
    const html = await (await forum.client().get(`/t/${thread.id}/${thread.slug}`)).text();
    expect(html.match(/<span class="preloaded">loaded #\d<\/span>/g)).toEqual([
      '<span class="preloaded">loaded #1</span>',
      '<span class="preloaded">loaded #2</span>',
      '<span class="preloaded">loaded #3</span>',
    ]);
    expect(html).not.toContain('not preloaded');
    expect(calls).toEqual(expect.arrayContaining([{ slot: 'post.byline', places: 3 }, { slot: 'thread.belowFirstPost', places: 1 }]));
    expect(calls).toHaveLength(2);
  });

  it("loads a member's bylines for them on the thread page their class shares", async () => {
    const forum = await createTestForum({ plugins: [preloaded] });
    const category = await insertCategory(forum.deps.db, 'Members');
    await forum.deps.pluginHost.state.setCategory('preloaded', category.id, true);
    const thread = await threadWithReplies(forum, category.id);
    for (const { client } of [await forum.member(), await forum.member()]) {
      calls.length = 0;
      const html = await (await client.get(`/t/${thread.id}/${thread.slug}`)).text();
      expect(html.match(/<span class="preloaded">loaded #\d<\/span>/g)).toHaveLength(3);
      expect(html).not.toContain('not preloaded');
      expect(calls).toContainEqual({ slot: 'post.byline', places: 3 });
    }
  });

  it('runs for new replies fetched by an open page, and not where the plugin is off', async () => {
    const forum = await createTestForum({ plugins: [preloaded] });
    const on = await insertCategory(forum.deps.db, 'On');
    const off = await insertCategory(forum.deps.db, 'Off');
    await forum.deps.pluginHost.state.setCategory('preloaded', on.id, true);
    const thread = await threadWithReplies(forum, on.id);
    const after = await (await forum.client().get(`/t/${thread.id}/after/1`)).text();
    expect(after).toContain('loaded #2');
    expect(after).toContain('loaded #3');
    expect(calls).toEqual([{ slot: 'post.byline', places: 2 }]);

    calls.length = 0;
    const elsewhere = await threadWithReplies(forum, off.id);
    const html = await (await forum.client().get(`/t/${elsewhere.id}/${elsewhere.slug}`)).text();
    expect(html).not.toContain('class="preloaded"');
    expect(calls).toEqual([]);
  });

  it("preloads the listing sidebar's cards", async () => {
    const forum = await createTestForum({ plugins: [preloaded] });
    const category = await insertCategory(forum.deps.db, 'Cards');
    await forum.deps.pluginHost.state.setCategory('preloaded', category.id, true);
    const { client } = await forum.member();
    const html = await (await client.get('/')).text();
    expect(html).toContain('<section class="preloaded-card">card loaded</section>');
    expect(calls).toEqual([{ slot: 'sidebar', places: 1 }]);
    // the next member shares the page their class sees; the card, not shared, is loaded for them too
    calls.length = 0;
    const next = await forum.member();
    expect(await (await next.client.get('/')).text()).toContain('<section class="preloaded-card">card loaded</section>');
    expect(calls).toEqual([{ slot: 'sidebar', places: 1 }]);
    // a listing without the sidebar loads nothing for it
    calls.length = 0;
    await client.get('/latest');
    expect(calls).toEqual([]);
  });

  it('perView runs a loader once per view context and hands later callers the same promise', async () => {
    let runs = 0;
    const load = perView(async (_vc: ViewContext, n: number) => {
      runs += 1;
      return n * 2;
    });
    const one = {} as ViewContext;
    const other = {} as ViewContext;
    expect(load(one, 1)).toBe(load(one, 1));
    expect(await load(one, 1)).toBe(2);
    expect(await load(other, 5)).toBe(10);
    expect(runs).toBe(2);
  });

  it('a failing preload is logged and the page still renders', async () => {
    const forum = await createTestForum({ plugins: [preloaded] });
    const category = await insertCategory(forum.deps.db, 'Broken');
    await forum.deps.pluginHost.state.setCategory('preloaded', category.id, true);
    const thread = await threadWithReplies(forum, category.id);
    failPreload = true;
    const res = await forum.client().get(`/t/${thread.id}/${thread.slug}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('not preloaded');
  });
});
