import { eq, sql } from 'drizzle-orm';
import { threads } from '../../core/forum/schema.ts';
import { emailPreferences, patchEmailPreferences, scheduleDigests, sendDigest } from '../../core/digests/index.ts';
import { notify } from '../../core/notifications/index.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { category, reply, thread } from '../forum/helpers.ts';
import { decodeWords, header, headerLines } from '../mail/smtp.ts';
import { deliverAll, mailWorld, setUser, storedMails, type MailWorld } from './helpers.ts';

let world: MailWorld;
afterEach(() => world?.close());

const PERIOD = 'weekly:2026-W48';

/** A general category with activity, a staff-only one, a public sub-category of it, and a deleted thread. */
async function content(w: MailWorld) {
  const { forum } = w;
  const { user: author } = await forum.member({ username: 'author', role: 'admin' });
  const { user: other } = await forum.member({ username: 'other' });
  const general = await category(forum, { name: 'General' });
  const staff = await category(forum, { name: 'Staff room', readAccess: 'moderator' });
  const staffSub = await category(forum, { name: 'Staff notes', parentId: staff.id, readAccess: 'everyone' });
  const hobbies = await category(forum, { name: 'Hobbies' });
  return { author, other, general, staff, staffSub, hobbies };
}

async function writeThreads(w: MailWorld, c: Awaited<ReturnType<typeof content>>) {
  const { forum } = w;
  const busy = await thread(forum, c.author, { categoryId: c.general.id, title: 'Busy thread about gardening', raw: 'Tomatoes grow best in **full sun**.' });
  for (let i = 0; i < 3; i++) await reply(forum, c.other, busy.thread.id, `Reply number ${i}`);
  await thread(forum, c.author, { categoryId: c.hobbies.id, title: 'Fresh hobby thread', raw: 'Knitting for beginners.' });
  await thread(forum, c.author, { categoryId: c.staff.id, title: 'Staff secret plans', raw: 'Only staff may read this.' });
  await thread(forum, c.author, { categoryId: c.staffSub.id, title: 'Sub-category secret', raw: 'Hidden by the parent rule.' });
  const gone = await thread(forum, c.author, { categoryId: c.general.id, title: 'Deleted thread title', raw: 'This was removed.' });
  await forum.deps.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, gone.thread.id));
  return busy;
}

describe('digests', () => {
  it("show the newest and most active threads a member may read — never staff-only, parent-hidden or deleted ones", async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user: reader } = await forum.member({ username: 'reader', email: 'reader@example.com' });
    const { user: admin } = await forum.member({ username: 'boss', role: 'admin' });
    const c = await content(world);
    const busy = await writeThreads(world, c);
    await notify(forum.deps.db, { userId: reader.id, type: 'reply', data: { actor: 'other', title: 'x' }, url: '/t/1' });
    await notify(forum.deps.db, { userId: reader.id, type: 'mention', data: { actor: 'other', title: 'y' }, url: '/t/1' });

    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('queued');
    expect(await sendDigest(forum.deps, admin.id, PERIOD)).toBe('queued');
    expect(await deliverAll(forum)).toBe(2);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([admin.email, 'reader@example.com'].sort());

    const [forReader, forAdmin] = await storedMails(forum, 'digest');
    expect(forReader!.subject).toBe('Your weekly digest from Test Forum');
    expect(forReader!.dedupeKey).toBe(`digest:${reader.id}:${PERIOD}`);
    for (const part of [forReader!.text, forReader!.html]) {
      expect(part).toContain('Busy thread about gardening');
      expect(part).toContain('Fresh hobby thread');
      expect(part).toContain('Tomatoes grow best in full sun.');
      expect(part).toContain('You have 2 unread notifications.');
      expect(part).not.toContain('Staff secret plans');
      expect(part).not.toContain('Sub-category secret');
      expect(part).not.toContain('Deleted thread');
      expect(part).not.toContain('This was removed');
    }
    expect(forReader!.text).toContain('3 replies · 3 new');
    expect(forReader!.html).toContain(`href="http://forum.test/t/${busy.thread.id}/`);
    // staff read the staff category; deleted stays out for everyone
    expect(forAdmin!.text).toContain('Staff secret plans');
    expect(forAdmin!.text).toContain('Sub-category secret');
    expect(forAdmin!.text).not.toContain('Deleted thread');

    const raw = smtp.mails[0]!.raw;
    expect(header(raw, 'Content-Type')).toMatch(/multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(header(raw, 'List-Unsubscribe')).toMatch(/^<http:\/\/forum\.test\/unsubscribe\/\d+\.digest\.\d+\.[A-Za-z0-9_-]{43}>$/);
    expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(forReader!.text).toMatch(/Unsubscribe from digests: http:\/\/forum\.test\/unsubscribe\//);
    expect(forReader!.html).toMatch(/<a href="http:\/\/forum\.test\/unsubscribe\/[^"]+"[^>]*>Unsubscribe from digests<\/a>/);
    expect(await forum.deps.db.select().from(emailPreferences).where(eq(emailPreferences.userId, reader.id))).toMatchObject([
      { lastDigestPeriod: PERIOD },
    ]);
  });

  it('are limited to the chosen categories (and their sub-categories)', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user: reader } = await forum.member({ username: 'reader' });
    const c = await content(world);
    await writeThreads(world, c);
    await patchEmailPreferences(forum.deps.db, reader.id, { digestCategories: [c.hobbies.id] });
    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('queued');
    const [mail] = await storedMails(forum, 'digest');
    expect(mail!.text).toContain('Fresh hobby thread');
    expect(mail!.text).not.toContain('Busy thread about gardening');
  });

  it('are in the member’s language, subject included (zh-CN)', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user: reader } = await forum.member({ username: 'xiaoming', displayName: '小明', locale: 'zh-CN' });
    const c = await content(world);
    await writeThreads(world, c);
    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('queued');
    await deliverAll(forum);
    const [mail] = await storedMails(forum, 'digest');
    expect(mail!.subject).toBe('Test Forum 每周摘要');
    expect(decodeWords(header(smtp.mails[0]!.raw, 'Subject')!)).toBe('Test Forum 每周摘要');
    expect(mail!.text).toContain('小明，你好！');
    expect(mail!.text).toContain('最活跃的话题');
    expect(mail!.text).toContain('3 条回复 · 新增 3 条');
    expect(mail!.text).toContain('退订摘要邮件: http://forum.test/unsubscribe/');
    expect(mail!.html).toContain('<html lang="zh-CN">');
  });

  it('are not sent when there is nothing new, and at most once per period even when the job runs twice', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user: reader } = await forum.member({ username: 'reader' });
    expect(await sendDigest(forum.deps, reader.id, 'weekly:2026-W47')).toBe('empty');
    const c = await content(world);
    await writeThreads(world, c);
    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('queued');
    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('skipped');
    // a second instance that read the preferences before the first one finished: the dedupe key holds
    await patchEmailPreferences(forum.deps.db, reader.id, { lastDigestPeriod: 'weekly:2026-W47', lastDigestAt: null });
    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('skipped');
    await deliverAll(forum);
    expect(smtp.mails).toHaveLength(1);
    expect(await storedMails(forum, 'digest')).toHaveLength(1);
  });

  it('are scheduled in each member’s time zone, one job per member and period', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user: shanghai } = await forum.member({ username: 'shanghai' });
    await setUser(forum, shanghai, { timeZone: 'Asia/Shanghai' });
    await patchEmailPreferences(forum.deps.db, shanghai.id, { digest: 'daily', digestHour: 9 });
    const { user: weekly } = await forum.member({ username: 'weekly' });
    const { user: off } = await forum.member({ username: 'off' });
    await patchEmailPreferences(forum.deps.db, off.id, { digest: 'none' });
    const c = await content(world);
    await writeThreads(world, c);

    // Monday 2026-11-23, 08:30 in Shanghai and 00:30 UTC: nobody is due yet
    expect(await scheduleDigests(forum.deps, new Date(Date.UTC(2026, 10, 23, 0, 30)))).toBe(0);
    // 09:30 in Shanghai: the daily member; the weekly ones (site zone UTC, 08:00) still wait
    expect(await scheduleDigests(forum.deps, new Date(Date.UTC(2026, 10, 23, 1, 30)))).toBe(1);
    const jobs = await forum.deps.database.rows<{ singleton_key: string; data: { userId: number; periodKey: string } }>(
      sql`select singleton_key, data from pgboss.job where name = 'digests.send'`,
    );
    expect(jobs).toEqual([
      { singleton_key: `digest:${shanghai.id}:daily:2026-11-23`, data: { userId: shanghai.id, periodKey: 'daily:2026-11-23' } },
    ]);
    expect(await forum.deps.jobs.drain('digests.send')).toBe(1);
    await deliverAll(forum);
    expect(smtp.mails).toHaveLength(1);
    expect(await scheduleDigests(forum.deps, new Date(Date.UTC(2026, 10, 23, 1, 45)))).toBe(0);

    // 08:15 UTC Monday: weekly digests (defaults) for everyone else except the one who turned them off
    const due = await scheduleDigests(forum.deps, new Date(Date.UTC(2026, 10, 23, 8, 15)));
    const queued = await forum.deps.database.rows<{ data: { userId: number } }>(sql`select data from pgboss.job where name = 'digests.send' and state = 'created'`);
    const ids = queued.map((j) => j.data.userId);
    expect(due).toBe(ids.length);
    expect(ids).toContain(weekly.id);
    expect(ids).not.toContain(off.id);
    expect(ids).not.toContain(shanghai.id);
  });

  it('keep injected line breaks (forum name, display name) out of the headers', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    await updateSiteSettings(forum.deps.db, { forumName: 'Evil\r\nBcc: thief@evil.test' });
    const { user: reader } = await forum.member({ username: 'reader' });
    await setUser(forum, reader, { displayName: 'Name\r\nBcc: thief@evil.test' });
    const c = await content(world);
    await writeThreads(world, c);
    expect(await sendDigest(forum.deps, reader.id, PERIOD)).toBe('queued');
    await deliverAll(forum);
    const [received] = smtp.mails;
    expect(received!.to).toEqual([reader.email]);
    expect(headerLines(received!.raw).map(([n]) => n.toLowerCase())).not.toContain('bcc');
    expect(header(received!.raw, 'Subject')).toBe('Your weekly digest from Evil Bcc: thief@evil.test');
  });
});
