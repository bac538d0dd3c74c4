import { and, eq } from 'drizzle-orm';
import { posts, threads, type Db, type Post, type Thread } from '../../../core/plugins/api.ts';
import { qaQuestions, type QaQuestion } from '../schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export async function findThread(db: DbOrTx, threadId: number): Promise<Thread | undefined> {
  const [row] = await db.select().from(threads).where(eq(threads.id, threadId)).limit(1);
  return row;
}

/** A post of the thread (answers and the question itself). */
export async function findPost(db: DbOrTx, threadId: number, postId: number): Promise<Post | undefined> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)))
    .limit(1);
  return row;
}

/** The question's Q&A row, created on first need (threads older than the plugin have none) and locked for update. */
export async function lockQuestion(tx: Tx, thread: Pick<Thread, 'id' | 'categoryId'>): Promise<QaQuestion> {
  await tx.insert(qaQuestions).values({ threadId: thread.id, categoryId: thread.categoryId }).onConflictDoNothing();
  const [row] = await tx.select().from(qaQuestions).where(eq(qaQuestions.threadId, thread.id)).for('update');
  return row!;
}

export async function findQuestion(db: DbOrTx, threadId: number): Promise<QaQuestion | undefined> {
  const [row] = await db.select().from(qaQuestions).where(eq(qaQuestions.threadId, threadId)).limit(1);
  return row;
}

/** Whether a post can be voted on, accepted or commented: live and not held for review. */
export function isLivePost(post: Post): boolean {
  return !post.deletedAt && !post.heldAt;
}
