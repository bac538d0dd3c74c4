import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server in this process, on a random (or the given) local port, keeping what it receives. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: smtpUrl(actual),
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function smtpUrl(port: number): string {
  return `smtp://127.0.0.1:${port}/?ignoreTLS=true`;
}

/** A local port nothing listens on (taken from a server that is closed again). */
export async function closedPort(): Promise<number> {
  const smtp = await startSmtp();
  await smtp.close();
  return smtp.port;
}

/** Header lines of a raw message, unfolded, as [name, value] in order. */
export function headerLines(raw: string): [string, string][] {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  return head
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as [string, string];
    });
}

export function header(raw: string, name: string): string | undefined {
  return headerLines(raw).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) back to text. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

/** Waits until the server holds `count` mails (delivery is acknowledged before the server's stream ends). */
export async function waitForMails(smtp: TestSmtp, count: number, timeoutMs = 5000): Promise<ReceivedMail[]> {
  const start = Date.now();
  while (smtp.mails.length < count && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  return smtp.mails;
}
