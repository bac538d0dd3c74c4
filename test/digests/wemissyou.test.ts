import { sql } from 'drizzle-orm';
import { currentMonth, patchEmailPreferences, sendWeMissYou } from '../../core/digests/index.ts';
import { category, thread } from '../forum/helpers.ts';
import { header } from '../mail/smtp.ts';
import { deliverAll, mailWorld, setUser, storedMails, type MailWorld } from './helpers.ts';

let world: MailWorld;
afterEach(() => world?.close());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function population(w: MailWorld) {
  const { forum } = w;
  const make = async (username: string, patch: Parameters<typeof setUser>[2]) => {
    const { user } = await forum.member({ username, email: `${username}@example.com` });
    return setUser(forum, user, patch);
  };
  const people = {
    active: await make('active', { lastSeenAt: daysAgo(2), createdAt: daysAgo(100) }),
    dormant: await make('dormant', { lastSeenAt: daysAgo(45), createdAt: daysAgo(100) }),
    neverSeenOld: await make('neverseenold', { lastSeenAt: null, createdAt: daysAgo(40) }),
    neverSeenNew: await make('neverseennew', { lastSeenAt: null, createdAt: daysAgo(3) }),
    unsubscribed: await make('unsubscribed', { lastSeenAt: daysAgo(60), createdAt: daysAgo(100) }),
    digestOff: await make('digestoff', { lastSeenAt: daysAgo(31), createdAt: daysAgo(100) }),
    banned: await make('banned', { lastSeenAt: daysAgo(60), createdAt: daysAgo(100), status: 'banned' }),
  };
  await patchEmailPreferences(forum.deps.db, people.unsubscribed.id, { unsubscribedAllAt: new Date() });
  await patchEmailPreferences(forum.deps.db, people.digestOff.id, { digest: 'none' });
  const { user: author } = await forum.member({ username: 'author' });
  const general = await category(forum, { name: 'General' });
  await thread(forum, author, { categoryId: general.id, title: 'What happened while you were away' });
  return people;
}

describe('"we miss you"', () => {
  it('is queued by staff after a confirmation, to inactive members only, once per month', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const people = await population(world);
    const { client: admin } = await forum.member({ username: 'boss', role: 'admin' });
    const expected = [people.dormant.email, people.neverSeenOld.email, people.digestOff.email].sort();

    expect(await (await admin.get('/admin/mail')).text()).toContain('Members who would get it now: 3');
    const confirm = await (await admin.get('/admin/mail/wemissyou')).text();
    expect(confirm).toContain('Send a &quot;we miss you&quot; email to 3 inactive members now?');
    const month = await currentMonth(forum.deps.db);
    expect(confirm).toContain(`name="month" value="${month}"`);
    // nothing happens before the confirmation is posted
    expect(await forum.deps.jobs.drain('digests.wemissyou')).toBe(0);

    const res = await admin.post('/admin/mail/wemissyou', { month });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/mail?wemissyou=3');
    expect(await (await admin.get('/admin/mail?wemissyou=3')).text()).toContain('Queued for 3 members.');
    expect(await forum.deps.jobs.drain('digests.wemissyou')).toBe(1);
    expect(await deliverAll(forum)).toBe(3);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(expected);
    const mails = await storedMails(forum, 'wemissyou');
    expect(mails.map((m) => m.dedupeKey).sort()).toEqual(
      [people.dormant.id, people.neverSeenOld.id, people.digestOff.id].map((id) => `wemissyou:${id}:${month}`).sort(),
    );
    expect(mails[0]!.subject).toBe('We miss you at Test Forum');
    expect(mails[0]!.text).toContain('What happened while you were away');
    expect(header(smtp.mails[0]!.raw, 'List-Unsubscribe')).toMatch(/\.all\./);

    // once a month: a second run, or a second click, mails nobody
    expect(await sendWeMissYou(forum.deps, month)).toBe(0);
    expect(await (await admin.get('/admin/mail')).text()).toContain('Members who would get it now: 0');
    expect((await admin.post('/admin/mail/wemissyou', { month })).headers.get('location')).toBe('/admin/mail?wemissyou=0');
    expect(await forum.deps.jobs.drain('digests.wemissyou')).toBe(0);
    // a new month counts afresh
    expect(await sendWeMissYou(forum.deps, '2099-01')).toBe(3);
  });

  it('refuses a confirmation from another month, and members', async () => {
    world = await mailWorld();
    const { forum } = world;
    await population(world);
    const { client: admin } = await forum.member({ username: 'boss', role: 'admin' });
    const stale = await admin.post('/admin/mail/wemissyou', { month: '2001-01' });
    expect(stale.headers.get('location')).toBe('/admin/mail/wemissyou');
    const { client: member } = await forum.member({ username: 'plain' });
    expect((await member.post('/admin/mail/wemissyou', { month: await currentMonth(forum.deps.db) })).status).toBe(403);
    const jobs = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'digests.wemissyou'`);
    expect(jobs[0]!.n).toBe(0);
  });
});
