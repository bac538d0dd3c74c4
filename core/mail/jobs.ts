import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { SENDING_LEASE_SECONDS, type DeliverOptions } from './deliver.ts';
import type { Mailer } from './mailer.ts';
import { enqueueMail, MAIL_SEND_JOB } from './queue.ts';
import { mailMessages } from './schema.ts';

export const MAIL_SWEEP_JOB = 'mail.sweep';

/** While SMTP is down: 30 s, then doubling (pg-boss backoff), eight times — about two hours in all. */
export const MAIL_SEND_RETRY = { retryLimit: 8, retryDelaySeconds: 30 };

const sendData = z.object({ id: z.number().int().positive() });

/** mail.send delivers one stored row; mail.sweep re-queues rows whose job was lost. */
export function defineMailJobs(jobs: JobQueue, deps: { db: Db; mailer: Mailer } & DeliverOptions): void {
  jobs.define({
    name: MAIL_SEND_JOB,
    ...MAIL_SEND_RETRY,
    async handler(data) {
      await deps.mailer.deliver(sendData.parse(data).id, { allowed: deps.allowed });
    },
  });
  jobs.define({
    name: MAIL_SWEEP_JOB,
    cron: '*/5 * * * *',
    async handler() {
      for (const id of await sweepableMail(deps.db)) await enqueueMail(jobs, id);
    },
  });
}

const STALE = sql`now() - interval '10 minutes'`;

/**
 * Rows no job will pick up: queued but never tried for ten minutes (the process died between storing the
 * row and queueing its job), or 'sending' past the lease (the worker died and its job's retries ran out).
 * Queueing such a row twice is harmless: delivery claims it atomically.
 */
export async function sweepableMail(db: Db): Promise<number[]> {
  const lost = await db
    .update(mailMessages)
    .set({ claimedAt: sql`now()` })
    .where(
      and(
        eq(mailMessages.status, 'queued'),
        eq(mailMessages.attempts, 0),
        lt(mailMessages.createdAt, STALE),
        or(isNull(mailMessages.claimedAt), lt(mailMessages.claimedAt, STALE)),
      ),
    )
    .returning({ id: mailMessages.id });
  const abandoned = await db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      and(eq(mailMessages.status, 'sending'), sql`${mailMessages.claimedAt} < now() - make_interval(secs => ${SENDING_LEASE_SECONDS})`),
    )
    .limit(500);
  return [...lost, ...abandoned].map((r) => r.id);
}
