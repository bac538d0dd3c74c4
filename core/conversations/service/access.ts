import { eq } from 'drizzle-orm';
import type { User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { isStaffViewer } from '../../forum/permissions.ts';
import { conversationReports, conversations, type Conversation, type ConversationReport } from '../schema.ts';
import { participantsOf, type Participant } from './participants.ts';

export type ConversationView =
  | { mode: 'participant'; conversation: Conversation; participants: Participant[]; me: Participant }
  /** Staff reading a conversation because something in it was reported: read-only. */
  | { mode: 'staff'; conversation: Conversation; participants: Participant[]; reports: ConversationReport[] };

/**
 * Who may open a conversation: its current participants, and staff only once one of its messages was
 * reported. Anyone else gets undefined, which routes answer with the same 404 as a missing conversation.
 */
export async function openConversation(db: DbOrTx, viewer: User, conversationId: number): Promise<ConversationView | undefined> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId)).limit(1);
  if (!conversation) return undefined;
  const participants = await participantsOf(db, conversationId);
  const me = participants.find((p) => p.userId === viewer.id && p.leftAt === null);
  if (me) return { mode: 'participant', conversation, participants, me };
  if (!isStaffViewer(viewer)) return undefined;
  const reports = await db.select().from(conversationReports).where(eq(conversationReports.conversationId, conversationId));
  return reports.length > 0 ? { mode: 'staff', conversation, participants, reports } : undefined;
}
