import { eq, sql } from 'drizzle-orm';
import { insertMail, mailMessages, queueMail, SENDING_LEASE_SECONDS, type QueuedMail } from '../../core/mail/index.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { closedPort, header, headerLines, smtpUrl, startSmtp, type TestSmtp } from './smtp.ts';

const mail = (over: Partial<QueuedMail> = {}): QueuedMail => ({
  to: 'alice@example.com',
  subject: 'Hello',
  text: 'Plain hello',
  html: '<p>HTML hello</p>',
  kind: 'test',
  ...over,
});

let forum: TestForum | undefined;
let smtp: TestSmtp | undefined;

afterEach(async () => {
  await forum?.close();
  await smtp?.close();
  forum = undefined;
  smtp = undefined;
});

async function row(id: number) {
  const [found] = await forum!.deps.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return found!;
}

describe('mail delivery through the mail.send job', () => {
  it('sends a queued mail once; running the job again sends nothing more', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, mail());
    expect((await row(id)).status).toBe('queued');
    expect(await forum.deps.jobs.drain('mail.send')).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['alice@example.com']);
    expect(smtp.mails[0]!.raw).toContain('Plain hello');
    expect(smtp.mails[0]!.raw).toContain('HTML hello');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, error: null });

    await forum.deps.jobs.send('mail.send', { id });
    expect(await forum.deps.jobs.drain('mail.send')).toBe(1);
    expect(await forum.deps.mailer.deliver(id)).toBe('done');
    expect(smtp.mails).toHaveLength(1);
  });

  it('stores the same logical mail once (dedupe key) and delivers it once', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    const first = await queueMail(forum.deps.db, forum.deps.jobs, mail({ dedupeKey: 'digest:1:daily:2026-11-23' }));
    const again = await queueMail(forum.deps.db, forum.deps.jobs, mail({ dedupeKey: 'digest:1:daily:2026-11-23', subject: 'Other' }));
    expect(again).toEqual({ id: first.id, created: false });
    expect(await forum.deps.db.select().from(mailMessages)).toHaveLength(1);
    await forum.deps.jobs.drain('mail.send');
    expect(smtp.mails).toHaveLength(1);
  });

  it('while SMTP is down the job fails and is retried; once the server is up exactly one mail arrives', async () => {
    const port = await closedPort();
    forum = await createTestForum({ env: { SMTP_URL: smtpUrl(port) } });
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, mail());
    expect(await forum.deps.jobs.drain('mail.send')).toBe(1);
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    const jobs = await forum.deps.database.rows<{ state: string; retry_limit: number; retry_delay: number; retry_backoff: boolean }>(
      sql`select state, retry_limit, retry_delay, retry_backoff from pgboss.job where name = 'mail.send'`,
    );
    expect(jobs).toEqual([{ state: 'retry', retry_limit: 8, retry_delay: 30, retry_backoff: true }]);
    // the retry waits (30 s, backed off): not yet due
    expect(await forum.deps.jobs.drain('mail.send')).toBe(0);

    smtp = await startSmtp(port);
    await forum.deps.database.rows(sql`update pgboss.job set start_after = now() - interval '1 second' where name = 'mail.send' and state = 'retry'`);
    expect(await forum.deps.jobs.drain('mail.send')).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(await forum.deps.jobs.drain('mail.send')).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  it('a row left "sending" by a killed worker is sent by the retry once its lease is over, and only once', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, mail());
    const db = forum.deps.db;
    await db.update(mailMessages).set({ status: 'sending', attempts: 1, claimedAt: new Date() }).where(eq(mailMessages.id, id));
    // the worker may still be alive: the job fails (and pg-boss retries it later) rather than send twice
    await expect(forum.deps.mailer.deliver(id)).rejects.toThrow(/being sent/);
    expect(smtp.mails).toHaveLength(0);

    const expired = new Date(Date.now() - (SENDING_LEASE_SECONDS + 5) * 1000);
    await db.update(mailMessages).set({ claimedAt: expired }).where(eq(mailMessages.id, id));
    expect(await forum.deps.jobs.drain('mail.send')).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });

    // the killed run's job is retried by pg-boss after all: the row is sent, nothing happens
    await forum.deps.jobs.send('mail.send', { id });
    await forum.deps.jobs.drain('mail.send');
    await Promise.all([forum.deps.mailer.deliver(id), forum.deps.mailer.deliver(id)]);
    expect(smtp.mails).toHaveLength(1);
  });

  it('cancels at send time when the member opted out, even a row a dead worker left "sending"', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    const { user } = await forum.member({ username: 'optout' });
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, mail({ to: user.email, userId: user.id, purpose: 'digest' }));
    const expired = new Date(Date.now() - (SENDING_LEASE_SECONDS + 5) * 1000);
    await forum.deps.db.update(mailMessages).set({ status: 'sending', claimedAt: expired }).where(eq(mailMessages.id, id));
    expect(await forum.deps.mailer.deliver(id, { allowed: async () => false })).toBe('cancelled');
    expect(await row(id)).toMatchObject({ status: 'cancelled', error: 'unsubscribed' });
    // account mail (no purpose) is not subject to the check
    const { id: account } = await queueMail(forum.deps.db, forum.deps.jobs, mail({ to: user.email, userId: user.id }));
    expect(await forum.deps.mailer.deliver(account, { allowed: async () => false })).toBe('sent');
    expect(smtp.mails).toHaveLength(1);
  });

  it('two workers on the same queued row send it once', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, mail());
    const results = await Promise.allSettled([forum.deps.mailer.deliver(id), forum.deps.mailer.deliver(id)]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'sent')).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('keeps line breaks out of every header, and the recipient is one plain address', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    for (const to of ['alice@example.com\r\nBcc: thief@evil.test', 'alice@example.com, thief@evil.test', 'Alice <thief@evil.test>']) {
      await expect(queueMail(forum.deps.db, forum.deps.jobs, mail({ to }))).rejects.toThrow(/one plain address/);
      await expect(forum.deps.mailer.send(mail({ to }))).rejects.toThrow(/one plain address/);
    }
    expect(await forum.deps.db.select().from(mailMessages)).toHaveLength(0);
    const evil = mail({
      subject: 'Hi\r\nBcc: thief@evil.test',
      headers: { 'X-Note': 'ok\r\nBcc: thief@evil.test', 'Bad Name\r\nBcc': 'x', 'List-Id': 'forum\nCc: thief@evil.test' },
    });
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, evil);
    await forum.deps.mailer.send({ ...evil, kind: 'immediate' });
    await forum.deps.jobs.drain('mail.send');
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(smtp.mails).toHaveLength(2);
    for (const received of smtp.mails) {
      expect(received.to).toEqual(['alice@example.com']);
      const names = headerLines(received.raw).map(([name]) => name.toLowerCase());
      expect(names).not.toContain('bcc');
      expect(names).not.toContain('cc');
      expect(header(received.raw, 'Subject')).toBe('Hi Bcc: thief@evil.test');
      expect(header(received.raw, 'X-Note')).toBe('ok Bcc: thief@evil.test');
    }
  });

  it('without SMTP_URL mail stays in the outbox, readable by admins', async () => {
    forum = await createTestForum();
    expect(forum.deps.mailer.mode).toBe('outbox');
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, mail({ text: 'Open http://forum.test/t/1' }));
    await forum.deps.jobs.drain('mail.send');
    expect((await row(id)).status).toBe('outbox');
    const { client } = await forum.member({ role: 'admin' });
    const page = await (await client.get('/admin/mail')).text();
    expect(page).toContain(`href="/admin/mail/${id}"`);
    expect(await (await client.get(`/admin/mail/${id}`)).text()).toContain('Open http://forum.test/t/1');
  });
});

describe('mail.sweep', () => {
  it('re-queues rows whose job was lost, and rows a dead worker left "sending"', async () => {
    smtp = await startSmtp();
    forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
    const db = forum.deps.db;
    // stored, but the process died before queueing the job
    const { id: lost } = await insertMail(db, mail({ subject: 'Lost' }));
    const { id: fresh } = await insertMail(db, mail({ subject: 'Fresh' }));
    const { id: dead } = await insertMail(db, { ...mail({ subject: 'Dead worker' }), status: 'sending' });
    await db.update(mailMessages).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(mailMessages.id, lost));
    await db.update(mailMessages).set({ claimedAt: new Date(Date.now() - (SENDING_LEASE_SECONDS + 1) * 1000), attempts: 1 }).where(eq(mailMessages.id, dead));

    await forum.deps.jobs.send('mail.sweep', {});
    expect(await forum.deps.jobs.drain('mail.sweep')).toBe(1);
    expect(await forum.deps.jobs.drain('mail.send')).toBe(2);
    expect(smtp.mails.map((m) => header(m.raw, 'Subject')).sort()).toEqual(['Dead worker', 'Lost']);
    expect((await row(fresh)).status).toBe('queued');
    // swept once: the next sweep does not queue the same rows again
    await forum.deps.jobs.send('mail.sweep', {});
    await forum.deps.jobs.drain('mail.sweep');
    expect(await forum.deps.jobs.drain('mail.send')).toBe(0);
  });
});
