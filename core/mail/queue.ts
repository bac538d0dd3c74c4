import type { DbOrTx } from '../db/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { insertMail, type QueuedMail } from './store.ts';

export const MAIL_SEND_JOB = 'mail.send';

/** Hands a stored row to the mail.send job. */
export async function enqueueMail(jobs: JobQueue, id: number): Promise<void> {
  await jobs.send(MAIL_SEND_JOB, { id });
}

/**
 * Stores a mail and queues its delivery. With a dedupeKey the same logical mail is stored once: queueing
 * it again returns the existing row and queues nothing.
 */
export async function queueMail(db: DbOrTx, jobs: JobQueue, mail: QueuedMail): Promise<{ id: number; created: boolean }> {
  const stored = await insertMail(db, mail);
  if (stored.created) await enqueueMail(jobs, stored.id);
  return stored;
}
