import { lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { defineMailJobs, type Mailer, type MailMessage } from '../mail/index.ts';
import { IMMEDIATE_JOB, sendImmediateEmails } from './immediate.ts';
import { allowsPurpose, getEmailPreferences } from './preferences.ts';
import type { EmailDeps } from './recipient.ts';
import { DIGEST_SCHEDULE_JOB, scheduleDigests } from './schedule.ts';
import { notificationEmails } from './schema.ts';
import { DIGEST_SEND_JOB, sendDigest } from './send.ts';
import { sendWeMissYou, WEMISSYOU_JOB } from './wemissyou.ts';

/** The send-time check: a member who unsubscribed after the mail was queued does not get it. */
export async function mailAllowed(db: Db, mail: MailMessage): Promise<boolean> {
  if (mail.userId === null || mail.purpose === null) return mail.purpose === null;
  return allowsPurpose(await getEmailPreferences(db, mail.userId), mail.purpose);
}

const digestData = z.object({ userId: z.number().int().positive(), periodKey: z.string().regex(/^(daily:\d{4}-\d{2}-\d{2}|weekly:\d{4}-W\d{2})$/) });
const monthData = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) });

/** Every email job: delivery (mail.*), digests, immediate notification emails, "we miss you". */
export function registerEmailJobs(deps: EmailDeps & { mailer: Mailer }): void {
  const { jobs, db } = deps;
  defineMailJobs(jobs, { db, mailer: deps.mailer, allowed: (mail) => mailAllowed(db, mail) });
  jobs.define({
    name: DIGEST_SCHEDULE_JOB,
    cron: '*/15 * * * *',
    async handler() {
      await scheduleDigests(deps);
      // emailed marks only matter within the immediate job's 24-hour horizon
      await db.delete(notificationEmails).where(lt(notificationEmails.sentAt, sql`now() - interval '7 days'`));
    },
  });
  jobs.define({
    name: DIGEST_SEND_JOB,
    retryLimit: 3,
    async handler(data) {
      const { userId, periodKey } = digestData.parse(data);
      await sendDigest(deps, userId, periodKey);
    },
  });
  jobs.define({
    name: IMMEDIATE_JOB,
    cron: '* * * * *',
    async handler() {
      await sendImmediateEmails(deps);
    },
  });
  jobs.define({
    name: WEMISSYOU_JOB,
    retryLimit: 2,
    async handler(data) {
      await sendWeMissYou(deps, monthData.parse(data).month);
    },
  });
}
