import { sql } from 'drizzle-orm';
import { getImmediateDelayMinutes } from '../../core/digests/index.ts';
import { insertMail, mailMessages } from '../../core/mail/index.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';

let forum: TestForum;
afterEach(() => forum?.close());

const base = { to: 'x@example.com', text: 't', html: '<p>t</p>', kind: 'digest' };

describe('/admin/mail', () => {
  it('shows the queue, recent sends with their last error, and re-queues a failed mail', async () => {
    forum = await createTestForum();
    const { client } = await forum.member({ username: 'boss', role: 'admin' });
    const db = forum.deps.db;
    await insertMail(db, { ...base, subject: 'Waiting' });
    const { id: failed } = await insertMail(db, { ...base, subject: 'Broken', status: 'failed' });
    await db.update(mailMessages).set({ error: '421 Service not available', attempts: 3 }).where(sql`${mailMessages.id} = ${failed}`);
    await insertMail(db, { ...base, subject: 'Done', status: 'sent' });

    const html = await (await client.get('/admin/mail')).text();
    expect(html).toMatch(/<dt>Waiting to be sent<\/dt><dd>1<\/dd>/);
    expect(html).toMatch(/<dt>Failed \(retried automatically\)<\/dt><dd>1<\/dd>/);
    expect(html).toMatch(/<dt>Being sent<\/dt><dd>0<\/dd>/);
    expect(html).toContain('421 Service not available');
    expect(html).toContain(`action="/admin/mail/${failed}/retry"`);
    expect(await (await client.get(`/admin/mail/${failed}`)).text()).toContain('421 Service not available');

    const retry = await client.post(`/admin/mail/${failed}/retry`);
    expect(retry.status).toBe(303);
    const jobs = await forum.deps.database.rows<{ data: { id: number } }>(sql`select data from pgboss.job where name = 'mail.send'`);
    expect(jobs.map((j) => j.data.id)).toEqual([failed]);
    await forum.deps.jobs.drain('mail.send');
    const [row] = await db.select().from(mailMessages).where(sql`${mailMessages.id} = ${failed}`);
    expect(row!.status).toBe('outbox');
  });

  it('previews a member’s next digest (HTML sandboxed, and the text part) without sending it', async () => {
    forum = await createTestForum();
    const { client } = await forum.member({ username: 'boss', role: 'admin' });
    await forum.member({ username: 'reader' });
    const { user: author } = await forum.member({ username: 'author' });
    const general = await category(forum, { name: 'General' });
    await thread(forum, author, { categoryId: general.id, title: 'Preview me please' });

    const page = await client.get('/admin/mail/preview?username=reader');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Next digest for reader');
    expect(html).toContain('Your weekly digest from Test Forum');
    expect(html).toContain('<iframe src="/admin/mail/preview/html?username=reader" sandbox=""');
    expect(html).toMatch(/<pre class="mail-text">[^<]*Preview me please/);

    const frame = await client.get('/admin/mail/preview/html?username=reader');
    expect(frame.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(await frame.text()).toContain('Preview me please');
    expect(await forum.deps.db.select().from(mailMessages)).toHaveLength(0);

    const missing = await client.get('/admin/mail/preview?username=nobody');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('No member has this username.');
    const { client: member } = await forum.member({ username: 'plain' });
    expect((await member.get('/admin/mail/preview?username=reader')).status).toBe(403);
  });

  it('sets the notification email delay, with validation', async () => {
    forum = await createTestForum();
    const { client } = await forum.member({ username: 'boss', role: 'admin' });
    const bad = await client.post('/admin/mail/settings', { delay: '0' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a whole number of minutes from 1 to 1440.');
    expect(await getImmediateDelayMinutes(forum.deps.db)).toBe(10);
    const ok = await client.post('/admin/mail/settings', { delay: '25' });
    expect(ok.headers.get('location')).toBe('/admin/mail?saved=delay');
    expect(await getImmediateDelayMinutes(forum.deps.db)).toBe(25);
  });
});
