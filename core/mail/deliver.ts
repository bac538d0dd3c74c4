import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/index.ts';
import { headerSafe, safeHeaders, singleRecipient } from './headers.ts';
import { mailMessages, type MailMessage } from './schema.ts';

/**
 * How long a 'sending' claim holds. A worker killed mid-send leaves its row 'sending'; once the lease is
 * over, the next attempt (pg-boss retries the expired job) claims it again. Longer than any one SMTP
 * conversation can last (the transport's timeouts in mailer.ts), so two live workers never both send a row.
 */
export const SENDING_LEASE_SECONDS = 600;

export type DeliveryResult = 'sent' | 'outbox' | 'cancelled' | 'done';

export interface DeliverOptions {
  /** Checked on every attempt for rows with a purpose: false cancels the row (the member unsubscribed). */
  allowed?: (mail: MailMessage) => Promise<boolean>;
}

/** SMTP refused or could not be reached; the row is 'failed' and the next attempt may claim it. */
export class DeliveryError extends Error {
  constructor(id: number, cause: unknown) {
    super(`mail ${id} not delivered: ${String((cause as Error)?.message ?? cause)}`, { cause });
    this.name = 'DeliveryError';
  }
}

/** Another worker holds the row's lease; try again later. */
export class DeliveryBusyError extends Error {
  constructor(id: number) {
    super(`mail ${id} is being sent by another worker`);
    this.name = 'DeliveryBusyError';
  }
}

const leaseOver = sql`${mailMessages.claimedAt} < now() - make_interval(secs => ${SENDING_LEASE_SECONDS})`;
/** Rows an attempt may take: waiting, failed before, or abandoned mid-send by a worker that died. */
const claimable = or(inArray(mailMessages.status, ['queued', 'failed']), and(eq(mailMessages.status, 'sending'), leaseOver));

/**
 * Sends one stored row. The claim is one conditional UPDATE, so a row marked 'sent' is never sent again
 * and two workers never send it at the same time. A worker killed after claiming leaves the row 'sending';
 * once the lease is over the next attempt takes it. If it died before the SMTP server accepted the message,
 * that attempt is the only delivery; if it died after the server accepted it but before 'sent' was stored,
 * the message goes out twice. That gap cannot be closed (at-least-once at the SMTP level); what holds is
 * that nothing is sent for a row once it is marked 'sent'.
 */
export function createDelivery(options: { db: Db; transport?: Transporter; from: string }) {
  const { db, transport } = options;
  return async function deliver(id: number, deliverOptions: DeliverOptions = {}): Promise<DeliveryResult> {
    const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
    if (!row || !['queued', 'failed', 'sending'].includes(row.status)) return 'done';
    const take = async (set: PgUpdateSetSource<typeof mailMessages>) => {
      const [taken] = await db.update(mailMessages).set(set).where(and(eq(mailMessages.id, id), claimable)).returning();
      if (taken) return taken;
      const [now] = await db.select({ status: mailMessages.status }).from(mailMessages).where(eq(mailMessages.id, id));
      if (now?.status === 'sending') throw new DeliveryBusyError(id);
      return undefined;
    };
    if (row.purpose && deliverOptions.allowed && !(await deliverOptions.allowed(row))) {
      return (await take({ status: 'cancelled', error: 'unsubscribed', claimedAt: null })) ? 'cancelled' : 'done';
    }
    if (!transport) return (await take({ status: 'outbox' })) ? 'outbox' : 'done';
    const claimed = await take({ status: 'sending', attempts: sql`${mailMessages.attempts} + 1`, claimedAt: sql`now()` });
    if (!claimed) return 'done';
    try {
      await transport.sendMail({
        from: options.from,
        to: { name: '', address: singleRecipient(claimed.to) },
        subject: headerSafe(claimed.subject),
        text: claimed.text,
        html: claimed.html,
        headers: safeHeaders(claimed.headers),
      });
    } catch (error) {
      await db
        .update(mailMessages)
        .set({ status: 'failed', error: String((error as Error)?.message ?? error).slice(0, 500), claimedAt: null })
        .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
      throw new DeliveryError(id, error);
    }
    await db
      .update(mailMessages)
      .set({ status: 'sent', sentAt: new Date(), error: null, claimedAt: null })
      .where(eq(mailMessages.id, id));
    return 'sent';
  };
}
