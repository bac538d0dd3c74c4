import { and, eq } from 'drizzle-orm';
import type { User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { notifyStaff } from '../../notifications/index.ts';
import { conversationMessages, conversationReports, conversations } from '../schema.ts';
import { reportFormSchema } from './input.ts';
import { membership } from './participants.ts';

/**
 * A participant reports a message of someone else. The report is what lets staff open the conversation;
 * every moderator and admin is told once per reported message.
 */
export async function reportMessage(
  db: DbOrTx,
  input: { reporter: User; conversationId: number; messageId: number; reason: string },
): Promise<void> {
  const { reporter, conversationId, messageId } = input;
  if (!(await membership(db, conversationId, reporter.id))) throw new UserError(404, 'error.404.body');
  const [message] = await db
    .select({ authorId: conversationMessages.authorId, title: conversations.title })
    .from(conversationMessages)
    .innerJoin(conversations, eq(conversations.id, conversationMessages.conversationId))
    .where(and(eq(conversationMessages.id, messageId), eq(conversationMessages.conversationId, conversationId)))
    .limit(1);
  if (!message) throw new UserError(404, 'error.404.body');
  if (message.authorId === reporter.id) throw new UserError(400, 'conversations.report.own');
  const { reason } = parseOrThrow(reportFormSchema, { reason: input.reason });
  await db.insert(conversationReports).values({ conversationId, messageId, reporterId: reporter.id, reason }).onConflictDoNothing();
  await notifyStaff(db, reporter.id, {
    type: 'messageReport',
    data: { actor: reporter.displayName, title: message.title ?? `#${conversationId}` },
    url: `/messages/${conversationId}#message-${messageId}`,
    actorId: reporter.id,
    dedupeKey: `message-report:${messageId}`,
  });
}
