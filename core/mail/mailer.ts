import nodemailer, { type Transporter } from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import { mailMessages } from './schema.ts';

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
  send(mail: OutgoingMail): Promise<{ id: number; status: 'sent' | 'outbox' | 'failed' }>;
  verify(): Promise<boolean>;
  close(): void;
}

/** Line breaks in a header value would let input add headers of its own. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

export function createMailer(options: { db: Db; logger: Logger; smtpUrl?: string; from: string }): Mailer {
  const transport: Transporter | undefined = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(mail) {
      const subject = headerSafe(mail.subject);
      const to = headerSafe(mail.to);
      const [row] = await options.db
        .insert(mailMessages)
        .values({ to, subject, text: mail.text, html: mail.html, kind: mail.kind, status: transport ? 'queued' : 'outbox' })
        .returning({ id: mailMessages.id });
      const id = row!.id;
      if (!transport) return { id, status: 'outbox' };
      try {
        const headers = Object.fromEntries(Object.entries(mail.headers ?? {}).map(([k, v]) => [headerSafe(k), headerSafe(v)]));
        await transport.sendMail({ from: options.from, to, subject, text: mail.text, html: mail.html, headers });
        await options.db
          .update(mailMessages)
          .set({ status: 'sent', sentAt: new Date(), attempts: 1 })
          .where(eq(mailMessages.id, id));
        return { id, status: 'sent' };
      } catch (error) {
        options.logger.warn({ err: error, kind: mail.kind }, 'mail delivery failed');
        await options.db
          .update(mailMessages)
          .set({ status: 'failed', error: String((error as Error).message).slice(0, 500), attempts: 1 })
          .where(eq(mailMessages.id, id));
        return { id, status: 'failed' };
      }
    },
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
