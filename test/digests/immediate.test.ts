import { eq } from 'drizzle-orm';
import { emailJobCursors, patchEmailPreferences, sendImmediateEmails, setImmediateDelayMinutes } from '../../core/digests/index.ts';
import { notifications, notify } from '../../core/notifications/index.ts';
import { decodeWords, header, headerLines } from '../mail/smtp.ts';
import { deliverAll, mailWorld, setUser, storedMails, type MailWorld } from './helpers.ts';

let world: MailWorld;
afterEach(() => world?.close());

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

async function notice(w: MailWorld, userId: number, type: string, title = 'Spring planting') {
  await notify(w.forum.deps.db, { userId, type, data: { actor: 'Bob', title }, url: '/p/7' });
  const [row] = await w.forum.deps.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id);
  return row!;
}

describe('immediate notification emails', () => {
  it('wait for the delay, then email what is still unread, once', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user } = await forum.member({ username: 'alice' });
    await notice(world, user.id, 'reply');
    expect(await sendImmediateEmails(forum.deps, minutes(5))).toBe(0);
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(1);
    expect(await sendImmediateEmails(forum.deps, minutes(12))).toBe(0);
    await deliverAll(forum);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = await storedMails(forum, 'notification');
    expect(mail!.subject).toBe('Bob replied in “Spring planting” — Test Forum');
    expect(mail!.text).toContain('http://forum.test/p/7');
    expect(mail!.text).toContain('Stop notification emails: http://forum.test/unsubscribe/');
    expect(header(smtp.mails[0]!.raw, 'List-Unsubscribe')).toMatch(/\.replies\./);
  });

  it('use the configured delay', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user } = await forum.member({ username: 'alice' });
    await setImmediateDelayMinutes(forum.deps.db, 30);
    await notice(world, user.id, 'mention');
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(0);
    expect(await sendImmediateEmails(forum.deps, minutes(31))).toBe(1);
  });

  it('respect the member’s choice per kind', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user } = await forum.member({ username: 'alice' });
    await patchEmailPreferences(forum.deps.db, user.id, { immediateReplies: false });
    await notice(world, user.id, 'reply', 'Reply thread');
    await notice(world, user.id, 'like', 'Liked thread');
    await notice(world, user.id, 'message', 'Private chat');
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(1);
    const [mail] = await storedMails(forum, 'notification');
    expect(mail!.text).toContain('Private chat');
    expect(mail!.text).not.toContain('Reply thread');
    expect(mail!.text).not.toContain('Liked thread');
  });

  it('skip notifications already read, and members seen on the site since the notification arrived', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user: reader } = await forum.member({ username: 'reader' });
    const { user: visitor } = await forum.member({ username: 'visitor' });
    const { user: away } = await forum.member({ username: 'away' });
    const read = await notice(world, reader.id, 'reply');
    await forum.deps.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, read.id));
    const seen = await notice(world, visitor.id, 'reply');
    await setUser(forum, visitor, { lastSeenAt: new Date(seen.createdAt.getTime() + 60_000) });
    const missed = await notice(world, away.id, 'reply');
    await setUser(forum, away, { lastSeenAt: new Date(missed.createdAt.getTime() - 60_000) });
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(1);
    expect((await storedMails(forum, 'notification')).map((m) => m.to)).toEqual([away.email]);
  });

  it('group several notifications into one email and keep injected line breaks out of its subject', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user } = await forum.member({ username: 'alice' });
    await notify(forum.deps.db, { userId: user.id, type: 'reply', data: { actor: 'Eve\r\nBcc: thief@evil.test', title: 'T\r\nBcc: thief@evil.test' }, url: '/p/1' });
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(1);
    await notice(world, user.id, 'mention', 'One');
    await notice(world, user.id, 'message', 'Two');
    expect(await sendImmediateEmails(forum.deps, minutes(22))).toBe(1);
    await deliverAll(forum);
    expect(smtp.mails).toHaveLength(2);
    const subjects = ['2 new notifications on Test Forum', 'Eve Bcc: thief@evil.test replied in “T Bcc: thief@evil.test” — Test Forum'];
    expect(smtp.mails.map((m) => decodeWords(header(m.raw, 'Subject')!)).sort()).toEqual(subjects);
    for (const received of smtp.mails) {
      expect(received.to).toEqual([user.email]);
      expect(headerLines(received.raw).map(([n]) => n.toLowerCase())).not.toContain('bcc');
    }
    const stored = await storedMails(forum, 'notification');
    expect(stored.map((m) => m.subject).sort()).toEqual(subjects);
  });

  it('are not sent to members who turned all email off', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user } = await forum.member({ username: 'alice' });
    await patchEmailPreferences(forum.deps.db, user.id, { unsubscribedAllAt: new Date() });
    await notice(world, user.id, 'mention');
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(0);
  });

  it('leave day-old news to the digest, and never email a notification twice even if the job loses its place', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user } = await forum.member({ username: 'alice' });
    const old = await notice(world, user.id, 'reply', 'Old news');
    await forum.deps.db.update(notifications).set({ createdAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(notifications.id, old.id));
    await notice(world, user.id, 'mention', 'Recent');
    expect(await sendImmediateEmails(forum.deps, minutes(11))).toBe(1);
    const [mail] = await storedMails(forum, 'notification');
    expect(mail!.text).toContain('Recent');
    expect(mail!.text).not.toContain('Old news');
    await forum.deps.db.delete(emailJobCursors);
    expect(await sendImmediateEmails(forum.deps, minutes(12))).toBe(0);
    expect(await storedMails(forum, 'notification')).toHaveLength(1);
  });
});
