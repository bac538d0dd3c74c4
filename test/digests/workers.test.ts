import { sql } from 'drizzle-orm';
import { queueMail } from '../../core/mail/index.ts';
import { waitForMails } from '../mail/smtp.ts';
import { mailWorld, type MailWorld } from './helpers.ts';

let world: MailWorld;
afterEach(() => world?.close());

describe('email jobs with running workers', () => {
  it('schedule the periodic jobs and deliver queued mail without anyone draining the queue', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    await forum.deps.jobs.start({ workers: true, timeZone: 'UTC' });
    const schedules = await forum.deps.database.rows<{ name: string; cron: string }>(sql`select name, cron from pgboss.schedule order by name`);
    expect(schedules).toEqual(
      expect.arrayContaining([
        { name: 'digests.schedule', cron: '*/15 * * * *' },
        { name: 'mail.immediate', cron: '* * * * *' },
        { name: 'mail.sweep', cron: '*/5 * * * *' },
      ]),
    );
    await queueMail(forum.deps.db, forum.deps.jobs, { to: 'a@example.com', subject: 'Worker', text: 't', html: '<p>t</p>', kind: 'test' });
    expect(await waitForMails(smtp, 1, 15_000)).toHaveLength(1);
  });
});
