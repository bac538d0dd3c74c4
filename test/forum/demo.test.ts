import { count, eq, sql } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { DemoRefused, loadDemo } from '../../core/forum/demo/index.ts';
import { categories, postLikes, posts, threads } from '../../core/forum/schema.ts';
import { getSiteSettings } from '../../core/site/settings.ts';
import { createTestForum } from '../helpers/app.ts';

describe('loadDemo', () => {
  it('fills an empty forum with a consistent bilingual community and completes setup', async () => {
    const forum = await createTestForum({ setup: false });
    const db = forum.deps.db;
    const progress: number[] = [];
    const now = new Date();
    const summary = await loadDemo(db, { now, onProgress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    expect(summary).toMatchObject({ threads: 31, completedSetup: true, password: 'community-demo' });
    expect(summary.members).toHaveLength(12);
    expect(summary.members.filter((m) => m.role === 'admin').map((m) => m.username)).toEqual(['admin']);
    expect(summary.members.filter((m) => m.role === 'moderator')).toHaveLength(1);

    const settings = await getSiteSettings(db);
    expect(settings).toMatchObject({ forumName: '社区 Community', setupComplete: true, setupToken: null });

    const cats = await db.select().from(categories);
    expect(cats.map((c) => c.name)).toEqual(expect.arrayContaining(['公告 Announcements', '新手入门 Getting started', '技术交流 Tech talk', '二手交易 Marketplace', '活动 Events', '问答 Q&A', '意见箱 Feedback']));
    expect(cats.find((c) => c.slug === 'announcements')!.startAccess).toBe('moderator');
    expect(cats.find((c) => c.slug === 'frontend')!.parentId).toBe(cats.find((c) => c.slug === 'tech')!.id);
    expect(cats.find((c) => c.slug === 'staff')!.readAccess).toBe('moderator');

    // counters written by the services agree with the rows
    const [postRows] = await db.select({ n: count() }).from(posts);
    expect(postRows!.n).toBe(summary.posts);
    const [likeRows] = await db.select({ n: count() }).from(postLikes);
    expect(likeRows!.n).toBe(summary.likes);
    const mismatched = await forum.deps.database.rows(sql`
      select t.id from ${threads} t where t.reply_count <> (select count(*) - 1 from ${posts} p where p.thread_id = t.id)
        or t.like_count <> (select coalesce(sum(p.like_count), 0) from ${posts} p where p.thread_id = t.id)`);
    expect(mismatched).toEqual([]);
    const catMismatch = await forum.deps.database.rows(sql`
      select c.id from ${categories} c where c.thread_count <> (select count(*) from ${threads} t where t.category_id = c.id)`);
    expect(catMismatch).toEqual([]);

    const all = await db.select().from(threads);
    expect(all.some((t) => t.pinned === 'global')).toBe(true);
    expect(all.filter((t) => t.featured).length).toBeGreaterThanOrEqual(3);
    expect(all.every((t) => t.createdAt <= now && t.lastPostAt <= now)).toBe(true);
    const spanDays = (now.getTime() - Math.min(...all.map((t) => t.createdAt.getTime()))) / 86_400_000;
    expect(spanDays).toBeGreaterThan(20);
    expect(all.some((t) => /[\u4e00-\u9fff]/.test(t.title))).toBe(true);
    expect(all.some((t) => /^[\x20-\x7e]+$/.test(t.title))).toBe(true);
    const html = (await db.select({ html: posts.html }).from(posts)).map((p) => p.html).join('\n');
    expect(html).toContain('<pre><code class="language-rust">');
    expect(html).toContain('<aside class="quote"');
    expect(html).toContain('class="mention"');
  });

  it('shows the demo to visitors, keeping the staff room hidden', async () => {
    const forum = await createTestForum();
    await loadDemo(forum.deps.db);
    const guest = forum.client();
    const home = await (await guest.get('/')).text();
    expect(home).toContain('欢迎来到社区！请先阅读社区规则');
    expect(home).not.toContain('本月版务记录与待办');
    expect((await guest.get('/c/staff')).status).toBe(404);
    expect((await guest.get('/c/tech')).status).toBe(200);
    const [admin] = await forum.deps.db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin!.role).toBe('admin');
  });

  it('refuses a forum that already has threads, and keeps existing accounts', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'admin', role: 'admin' });
    const first = await loadDemo(forum.deps.db);
    expect(first.members.find((m) => m.username === 'admin')!.created).toBe(false);
    expect(first.completedSetup).toBe(false);
    const again = await loadDemo(forum.deps.db).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DemoRefused);
    const [n] = await forum.deps.db.select({ n: count() }).from(threads);
    expect(n!.n).toBe(31);
  });
});
