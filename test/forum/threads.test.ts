import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { categories, posts, tags, threads } from '../../core/forum/schema.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { ValidationError } from '../../core/http/validation.ts';
import { HookRejection } from '../../core/plugins/hooks.ts';
import { getSiteSettings, updateSiteSettings } from '../../core/site/settings.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, writeAs } from './helpers.ts';

const form = (categoryId: number, extra: Record<string, string> = {}) => ({
  categoryId: String(categoryId),
  title: '如何学习 Rust？',
  raw: 'I am **new** here.',
  tags: 'Rust, 新手',
  source: 'https://example.com/original',
  ...extra,
});

describe('starting a thread', () => {
  it('creates the thread and first post, with counters, tags, CJK slug and source', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    const cat = await category(forum, { name: 'Tech' });
    const res = await client.post('/new', form(cat.id));
    expect(res.status).toBe(303);
    const [thread] = await forum.deps.db.select().from(threads);
    expect(thread).toMatchObject({ title: '如何学习 Rust？', slug: '如何学习-rust', replyCount: 0, lastPostNumber: 1, lastPosterId: user.id });
    expect(res.headers.get('location')).toBe(`/t/${thread!.id}/${encodeURIComponent('如何学习-rust')}`);
    const [post] = await forum.deps.db.select().from(posts);
    expect(post).toMatchObject({ number: 1, raw: 'I am **new** here.' });
    expect(post!.html).toContain('<strong>new</strong>');
    const [author] = await forum.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(author).toMatchObject({ threadCount: 1, postCount: 1 });
    const [counted] = await forum.deps.db.select().from(categories);
    expect(counted).toMatchObject({ threadCount: 1, postCount: 1 });
    const tagRows = await forum.deps.db.select().from(tags);
    expect(tagRows.map((t) => [t.name, t.threadCount, t.official]).sort()).toEqual([['rust', 1, false], ['新手', 1, false]]);

    const page = await (await client.get(res.headers.get('location')!)).text();
    expect(page).toContain('<h1>如何学习 Rust？</h1>');
    expect(page).toContain('href="https://example.com/original"');
    expect(page).toContain(`<link rel="canonical" href="http://forum.test/t/${thread!.id}/${encodeURIComponent('如何学习-rust')}"/>`);
    expect(page).toContain('<meta name="description" content="I am new here."/>');
    expect(page).toContain('href="/tag/rust"');
  });

  it('redirects a missing or wrong slug to the canonical URL with 301', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member();
    const cat = await category(forum, { name: 'Tech' });
    await client.post('/new', form(cat.id));
    const [thread] = await forum.deps.db.select().from(threads);
    const canonical = `/t/${thread!.id}/${encodeURIComponent(thread!.slug)}`;
    for (const path of [`/t/${thread!.id}`, `/t/${thread!.id}/old-title`]) {
      const res = await client.get(path);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(canonical);
    }
    expect((await client.get(canonical)).status).toBe(200);
  });

  it('re-renders the form with inline errors (422) and keeps what was typed', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member();
    const cat = await category(forum, { name: 'Tech' });
    const res = await client.post('/new', form(cat.id, { title: 'Hi', raw: '   ', tags: 'a b c d e f' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The title must be between 3 and 200 characters.');
    expect(html).toContain('value="Hi"');
    const bad = await client.post('/new', form(cat.id, { tags: 'a b c d e f' }));
    expect(await bad.text()).toContain('Use at most 5 tags.');
    const weird = await client.post('/new', form(cat.id, { tags: '<script>' }));
    expect(await weird.text()).toContain('Tags may contain only letters');
    expect(await forum.deps.db.select().from(threads)).toEqual([]);
  });

  it('respects who may start threads in a category', async () => {
    const forum = await createTestForum();
    const { user: member, client } = await forum.member();
    const { user: mod } = await forum.member({ role: 'moderator' });
    const news = await category(forum, { name: 'Announcements', startAccess: 'moderator' });
    const composer = await (await client.get('/new')).text();
    expect(composer).not.toContain('Announcements');
    expect((await client.post('/new', form(news.id))).status).toBe(422);
    await createThread({ ...writeAs(forum, mod), restrictTags: false }, { categoryId: news.id, title: 'Welcome all', raw: 'Hello' });

    const guest = forum.client();
    expect((await guest.get('/new')).headers.get('location')).toBe('/login?next=%2Fnew');
    expect((await guest.post('/new', form(news.id))).status).toBe(303);

    const suspended = { ...member, status: 'suspended' as const, statusUntil: new Date(Date.now() + 86_400_000) };
    const open = await category(forum, { name: 'Open' });
    const refused = await createThread({ ...writeAs(forum, suspended), restrictTags: false }, { categoryId: open.id, title: 'Let me post', raw: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((await forum.deps.db.select().from(threads)).map((t) => t.title)).toEqual(['Welcome all']);
  });

  it('limits tags to official ones when the site restricts tags; staff may add them', async () => {
    const forum = await createTestForum();
    // the whole set: updateSiteSettings currently resets keys missing from the patch to their defaults
    await updateSiteSettings(forum.deps.db, { ...(await getSiteSettings(forum.deps.db)), restrictTags: true });
    const { client: member } = await forum.member();
    const { client: staff } = await forum.member({ role: 'moderator' });
    const cat = await category(forum, { name: 'Tech' });
    const refused = await member.post('/new', form(cat.id, { tags: 'rust' }));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Only the forum’s official tags can be used here.');
    expect((await staff.post('/new', form(cat.id, { tags: 'rust', title: 'Official rust' }))).status).toBe(303);
    expect(await forum.deps.db.select({ name: tags.name, official: tags.official }).from(tags)).toEqual([{ name: 'rust', official: true }]);
    expect((await member.post('/new', form(cat.id, { tags: 'RUST', title: 'Member rust' }))).status).toBe(303);
    const [rust] = await forum.deps.db.select().from(tags);
    expect(rust!.threadCount).toBe(2);
  });

  it('lets a thread.beforeCreate filter refuse with a message shown in the form', async () => {
    const forum = await createTestForum();
    forum.deps.plugins.hooks.addFilter('thread.beforeCreate', (value) => {
      if (value.title.includes('spam')) throw new HookRejection('forum.tags.restricted');
      return { ...value, title: value.title.toUpperCase() };
    }, { owner: 'test' });
    const { client } = await forum.member();
    const cat = await category(forum, { name: 'Tech' });
    const refused = await client.post('/new', form(cat.id, { title: 'buy spam now' }));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Only the forum’s official tags can be used here.');
    expect((await client.post('/new', form(cat.id, { title: 'loud title' }))).status).toBe(303);
    expect((await forum.deps.db.select().from(threads)).map((t) => t.title)).toEqual(['LOUD TITLE']);
  });
});
