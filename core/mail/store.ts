import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { headerSafe, safeHeaders, singleRecipient } from './headers.ts';
import type { OutgoingMail } from './mailer.ts';
import { mailMessages, type MailStatus } from './schema.ts';

/** A mail for the queue: the same logical mail (same dedupeKey) is stored, and so sent, once. */
export interface QueuedMail extends OutgoingMail {
  dedupeKey?: string;
  /** The member it is for; with a purpose, their unsubscribe choice is checked when it goes out. */
  userId?: number;
  purpose?: 'digest' | 'replies' | 'all';
}

/** Stores a mail; `created` is false when a mail with the same dedupeKey already exists (its id is returned). */
export async function insertMail(
  db: DbOrTx,
  mail: QueuedMail & { status?: MailStatus },
): Promise<{ id: number; created: boolean }> {
  const [row] = await db
    .insert(mailMessages)
    .values({
      to: singleRecipient(mail.to),
      subject: headerSafe(mail.subject),
      text: mail.text,
      html: mail.html,
      kind: mail.kind,
      status: mail.status ?? 'queued',
      headers: safeHeaders(mail.headers),
      dedupeKey: mail.dedupeKey ?? null,
      userId: mail.userId ?? null,
      purpose: mail.purpose ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: mailMessages.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(eq(mailMessages.dedupeKey, mail.dedupeKey ?? ''));
  if (!existing) throw new Error('mail insert conflicted without a dedupe key');
  return { id: existing.id, created: false };
}
