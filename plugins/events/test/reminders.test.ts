import { sql } from 'drizzle-orm';
import { sendReminders, sweepReminders } from '../service/reminders.ts';
import { capturingEvents, eventPath, rows, withEvent } from './helpers.ts';

describe('reminders', () => {
  it('are scheduled at creation for the configured time before the start', async () => {
    const { forum, eventId } = await withEvent({}, { overrides: { reminderHours: 48 } });
    const [job] = await rows<{ start_after: Date; data: { eventId: number } }>(forum, sql`select start_after, data from pgboss.job where name = 'events.remind'`);
    const [event] = await rows<{ starts_at: Date }>(forum, sql`select starts_at from events_events where id = ${eventId}`);
    expect(job?.data).toEqual({ eventId });
    expect(new Date(event!.starts_at).getTime() - new Date(job!.start_after).getTime()).toBe(48 * 3_600_000);
  });

  it('reach every member going once, in-app and by email, however often the job runs', async () => {
    const { plugin, api } = capturingEvents();
    const { forum, threadId, eventId } = await withEvent({}, { plugin });
    const going = await forum.member({ username: 'going_zh', locale: 'zh-CN' });
    const alsoGoing = await forum.member({ username: 'going_en' });
    const interested = await forum.member();
    await going.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    await alsoGoing.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    await interested.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'interested' });

    // too early: nothing (the event is 10 days away, the reminder is 24 h before)
    expect(await sendReminders(api(), eventId)).toBe(0);
    expect(await rows(forum, sql`select 1 from mail_messages`)).toEqual([]);

    await forum.deps.database.rows(sql`update events_events set starts_at = now() + interval '3 hours', ends_at = now() + interval '5 hours' where id = ${eventId}`);
    await forum.deps.jobs.send('events.remind', { eventId });
    await forum.deps.jobs.send('events.remind', { eventId });
    await forum.deps.jobs.drain('events.remind');
    await sweepReminders(api());
    expect(await sendReminders(api(), eventId)).toBe(0);

    const mails = await rows<{ to: string; subject: string; text: string; html: string; kind: string }>(forum, sql`select "to", subject, text, html, kind from mail_messages order by "to"`);
    expect(new Map(mails.map((m) => [m.to, [m.subject, m.kind]]))).toEqual(
      new Map([
        [alsoGoing.user.email, ['Reminder: Board game night', 'plugin:events']],
        [going.user.email, ['活动提醒：Board game night', 'plugin:events']],
      ]),
    );
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain(`/t/${threadId}#events-event-${eventId}`);
    expect(mails[0]!.html).toContain('Community hall, 1 Main St');
    const notes = await rows<{ user_id: number }>(forum, sql`select user_id from notifications where type = 'events.reminder' order by user_id`);
    expect(notes.map((n) => n.user_id)).toEqual([going.user.id, alsoGoing.user.id].sort((a, b) => a - b));
    expect(await rows(forum, sql`select 1 from events_events where id = ${eventId} and reminded_at is not null`)).toHaveLength(1);
  });

  it('the mail escapes the thread title', async () => {
    const { plugin, api } = capturingEvents();
    const { forum, threadId, eventId } = await withEvent({}, { plugin });
    await forum.deps.database.rows(sql`update threads set title = '<img src=x onerror=alert(1)>' where id = ${threadId}`);
    const member = await forum.member();
    await member.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    await forum.deps.database.rows(sql`update events_events set starts_at = now() + interval '1 hour', ends_at = now() + interval '2 hours' where id = ${eventId}`);
    expect(await sendReminders(api(), eventId)).toBe(1);
    const [mail] = await rows<{ html: string }>(forum, sql`select html from mail_messages`);
    expect(mail!.html).not.toContain('<img');
    expect(mail!.html).toContain('&#60;img');
  });
});
