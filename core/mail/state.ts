import { count, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { MAIL_SEND_JOB } from './queue.ts';
import { mailMessages } from './schema.ts';

export interface MailQueueState {
  queued: number;
  sending: number;
  failed: number;
  /** mail.send jobs waiting in pg-boss (created or waiting to retry); null when the queue cannot be asked. */
  pendingJobs: number | null;
}

export async function mailQueueState(db: Db, jobs: JobQueue): Promise<MailQueueState> {
  const rows = await db
    .select({ status: mailMessages.status, n: count() })
    .from(mailMessages)
    .where(inArray(mailMessages.status, ['queued', 'sending', 'failed']))
    .groupBy(mailMessages.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  let pendingJobs: number | null = null;
  try {
    pendingJobs = await jobs.boss.getQueueSize(MAIL_SEND_JOB);
  } catch {
    // pg-boss not started in this process (e.g. a web-only instance before its first job)
  }
  return { queued: of('queued'), sending: of('sending'), failed: of('failed'), pendingJobs };
}
