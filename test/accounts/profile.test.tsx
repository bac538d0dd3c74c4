import { eq } from 'drizzle-orm';
import { posts, threads } from '../../core/forum/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, setUser, thread, warmDatabase } from './fixtures.ts';

beforeAll(warmDatabase);

describe('/u/:username', () => {
  it('shows a member’s summary with escaped bio, counts, staff badge and join date', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'alice', displayName: '爱丽丝', role: 'moderator' });
    await setUser(forum, user.id, { bio: '<script>alert(1)</script>\nSecond line', threadCount: 3, postCount: 1234, likesReceived: 7 });
    const res = await forum.client().get('/u/alice');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>爱丽丝</h1>');
    expect(html).toContain('@alice');
    expect(html).toContain('Moderator');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br/>Second line');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('1,234');
    expect(html).toContain('src="/avatar/alice.svg?v=');
    expect(html).toMatch(/Joined <time datetime="\d{4}-/);
  });

  it('redirects a look-alike spelling to the canonical address, and 404s an unknown member', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'scope' });
    const upper = await forum.client().get('/u/SCOPE');
    expect(upper.status).toBe(301);
    expect(upper.headers.get('location')).toBe('/u/scope');
    const cyrillic = await forum.client().get(`/u/${encodeURIComponent('ѕсоре')}?before=x`);
    expect(cyrillic.status).toBe(301);
    expect(cyrillic.headers.get('location')).toBe('/u/scope?before=x');
    expect((await forum.client().get('/u/nobody')).status).toBe(404);
  });

  it('lists only activity the viewer may read', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'bob' });
    const admin = await forum.member({ username: 'root', role: 'admin' });
    const open = await category(forum, 'everyone');
    const staffOnly = await category(forum, 'admin');
    const hiddenParent = await category(forum, 'moderator');
    const childOfHidden = await category(forum, 'everyone', hiddenParent.id);
    const childOfOpen = await category(forum, 'everyone', open.id);

    const hello = await thread(forum, user, open.id, 'Public hello');
    await thread(forum, user, staffOnly.id, 'Staff secret plan');
    await thread(forum, user, childOfHidden.id, 'Nested under staff');
    await thread(forum, user, childOfOpen.id, 'Nested public');
    const gone = await thread(forum, user, open.id, 'Deleted thread');
    await forum.deps.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, gone.thread.id));
    const removed = await reply(forum, user, hello.thread.id, 2, '<p>removed reply</p>');
    await forum.deps.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, removed.id));

    const guest = await (await forum.client().get('/u/bob')).text();
    expect(guest).toContain('Public hello');
    expect(guest).toContain('Nested public');
    expect(guest).not.toContain('Staff secret plan');
    expect(guest).not.toContain('Nested under staff');
    expect(guest).not.toContain('Deleted thread');
    expect(guest).not.toContain('removed reply');

    const staff = await (await admin.client.get('/u/bob')).text();
    expect(staff).toContain('Staff secret plan');
    expect(staff).toContain('Nested under staff');
    expect(staff).not.toContain('Deleted thread');
  });

  it('pages older activity by keyset, with or without htmx', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ username: 'carol' });
    const open = await category(forum);
    const { thread: t, post: first } = await thread(forum, user, open.id, 'Long thread');
    const base = Date.now() - 3600_000;
    // two replies share a timestamp: the id breaks the tie
    for (let n = 2; n <= 25; n++) await reply(forum, user, t.id, n, `<p>reply &amp; number ${n}</p>`, new Date(base + Math.min(n, 24) * 1000));
    await forum.deps.db.update(posts).set({ createdAt: new Date(base) }).where(eq(posts.id, first.id));

    const page1 = await (await forum.client().get('/u/carol')).text();
    expect(page1.match(/class="activity-item"/g)).toHaveLength(20);
    expect(page1).toContain('reply &amp; number 25');
    expect(page1).toContain('href="/p/');
    const older = /href="(\/u\/carol\?before=[^"]+)"/.exec(page1)?.[1]?.replaceAll('&amp;', '&');
    expect(older).toBeTruthy();

    const page2 = await (await forum.client().get(older!)).text();
    expect(page2.match(/class="activity-item"/g)).toHaveLength(5);
    expect(page2).toContain('reply &amp; number 2<');
    expect(page2).toContain('Started');
    expect(page2).not.toContain('activity-more');

    const fragment = await (await forum.client().htmx('GET', older!)).text();
    expect(fragment.startsWith('<li')).toBe(true);
    expect(fragment.match(/class="activity-item"/g)).toHaveLength(5);

    const seen = new Set([...page1.matchAll(/href="\/p\/(\d+)"/g), ...page2.matchAll(/href="\/p\/(\d+)"/g)].map((m) => m[1]));
    expect(seen.size).toBe(25);
  });

  it('renders the profile.summary and profile.tabs slots', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'dave' });
    forum.deps.plugins.slots.set('profile.summary', { key: 'level', owner: 'test', priority: 1, active: () => true, render: ({ profile }) => <span class="level">Level of {profile.username}</span> });
    forum.deps.plugins.slots.set('profile.tabs', { key: 'badges', owner: 'test', priority: 1, active: () => true, render: () => <nav class="tab">Badges</nav> });
    const html = await (await forum.client().get('/u/dave')).text();
    expect(html).toContain('<span class="level">Level of dave</span>');
    expect(html).toContain('<nav class="tab">Badges</nav>');
  });
});

describe('/avatar/:username.svg', () => {
  it('serves initials on a colour, cacheable for a day, without scripts', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'xiaoming', displayName: '小明' });
    await forum.member({ username: 'ada', displayName: 'Ada Lovelace' });
    const res = await forum.client().get('/avatar/xiaoming.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.getSetCookie()).toEqual([]);
    const svg = await res.text();
    expect(svg).toContain('>小</text>');
    expect(svg).toMatch(/fill="hsl\(\d+ 55% 42%\)"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
    expect(await (await forum.client().get('/avatar/ada.svg')).text()).toContain('>AL</text>');
    expect((await forum.client().get('/avatar/nobody.svg')).status).toBe(404);
  });
});
