import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import { createDelivery, DeliveryError, type DeliverOptions, type DeliveryResult } from './deliver.ts';
import { headerSafe } from './headers.ts';
import { insertMail } from './store.ts';

export { headerSafe } from './headers.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of mail this is (password-reset, digest, …), for the admin mail page. */
  kind: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** 'smtp' sends through SMTP_URL; 'outbox' keeps mail in the database for admins to read. */
  mode: 'smtp' | 'outbox';
  /** Stores and sends at once, one attempt (account mail such as password reset). */
  send(mail: OutgoingMail): Promise<{ id: number; status: 'sent' | 'outbox' | 'failed' }>;
  /** Sends one stored row (the mail.send job); throws DeliveryError when SMTP refused it, so the job is retried. */
  deliver(id: number, options?: DeliverOptions): Promise<DeliveryResult>;
  verify(): Promise<boolean>;
  close(): void;
}

export interface MailerOptions {
  db: Db;
  logger: Logger;
  smtpUrl?: string;
  from: string;
}

// Bounded, so a hung server cannot outlive the 'sending' lease (deliver.ts) and let a second worker in.
const transportTimeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function createMailer(options: MailerOptions): Mailer {
  const transport: Transporter | undefined = options.smtpUrl
    ? nodemailer.createTransport({ url: options.smtpUrl, ...transportTimeouts })
    : undefined;
  const deliver = createDelivery({ db: options.db, transport, from: headerSafe(options.from) });
  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(mail) {
      const { id } = await insertMail(options.db, { ...mail, status: transport ? 'queued' : 'outbox' });
      if (!transport) return { id, status: 'outbox' };
      try {
        await deliver(id);
        return { id, status: 'sent' };
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        options.logger.warn({ err: error.cause, kind: mail.kind }, 'mail delivery failed');
        return { id, status: 'failed' };
      }
    },
    deliver,
    async verify() {
      if (!transport) return true;
      try {
        await transport.verify();
        return true;
      } catch {
        return false;
      }
    },
    close() {
      transport?.close();
    },
  };
}
