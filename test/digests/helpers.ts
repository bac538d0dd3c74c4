import { eq } from 'drizzle-orm';
import { users, type User } from '../../core/accounts/schema.ts';
import { mailMessages } from '../../core/mail/index.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { startSmtp, type TestSmtp } from '../mail/smtp.ts';

export interface MailWorld {
  forum: TestForum;
  smtp: TestSmtp;
  close(): Promise<void>;
}

/** A forum sending through a real local SMTP server. */
export async function mailWorld(): Promise<MailWorld> {
  const smtp = await startSmtp();
  const forum = await createTestForum({ env: { SMTP_URL: smtp.url } });
  return {
    forum,
    smtp,
    async close() {
      await forum.close();
      await smtp.close();
    },
  };
}

export async function setUser(forum: TestForum, user: User, patch: Partial<typeof users.$inferInsert>): Promise<User> {
  const [row] = await forum.deps.db.update(users).set(patch).where(eq(users.id, user.id)).returning();
  return row!;
}

export async function storedMails(forum: TestForum, kind?: string) {
  const rows = await forum.deps.db.select().from(mailMessages).orderBy(mailMessages.id);
  return kind ? rows.filter((r) => r.kind === kind) : rows;
}

/** Delivers everything queued for mail.send. */
export function deliverAll(forum: TestForum): Promise<number> {
  return forum.deps.jobs.drain('mail.send');
}
