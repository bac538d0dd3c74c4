import { and, asc, eq, isNull } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { qaComments, qaQuestions, qaScores, qaVotes, type QaQuestion } from '../schema.ts';

export interface CommentView {
  id: number;
  postId: number;
  authorId: number;
  body: string;
  createdAt: Date;
  author: { username: string; displayName: string };
}

/** Everything the Q&A controls on one thread page need, loaded in four queries whatever the number of posts. */
export interface QaThreadData {
  question: QaQuestion | undefined;
  scores: Map<number, number>;
  /** The viewer's own votes: post id → +1 / -1. */
  myVotes: Map<number, number>;
  comments: Map<number, CommentView[]>;
}

export async function loadThreadData(db: Db, threadId: number, viewerId: number | null): Promise<QaThreadData> {
  const [question, scoreRows, voteRows, commentRows] = await Promise.all([
    db.select().from(qaQuestions).where(eq(qaQuestions.threadId, threadId)).limit(1),
    db.select({ postId: qaScores.postId, score: qaScores.score }).from(qaScores).where(eq(qaScores.threadId, threadId)),
    viewerId === null
      ? Promise.resolve([])
      : db
          .select({ postId: qaVotes.postId, value: qaVotes.value })
          .from(qaVotes)
          .innerJoin(qaScores, eq(qaScores.postId, qaVotes.postId))
          .where(and(eq(qaScores.threadId, threadId), eq(qaVotes.userId, viewerId))),
    db
      .select({
        id: qaComments.id,
        postId: qaComments.postId,
        authorId: qaComments.authorId,
        body: qaComments.body,
        createdAt: qaComments.createdAt,
        username: users.username,
        displayName: users.displayName,
      })
      .from(qaComments)
      .innerJoin(users, eq(users.id, qaComments.authorId))
      .where(and(eq(qaComments.threadId, threadId), isNull(qaComments.deletedAt)))
      .orderBy(asc(qaComments.id)),
  ]);
  const comments = new Map<number, CommentView[]>();
  for (const { username, displayName, ...row } of commentRows) {
    const list = comments.get(row.postId) ?? [];
    list.push({ ...row, author: { username, displayName } });
    comments.set(row.postId, list);
  }
  return {
    question: question[0],
    scores: new Map(scoreRows.map((r) => [r.postId, r.score])),
    myVotes: new Map(voteRows.map((r) => [r.postId, r.value])),
    comments,
  };
}

/**
 * Slots render once per post; the first render of a page starts the load and the others share it.
 * Keyed by the request's view context, so nothing outlives the request.
 */
const memo = new WeakMap<object, Map<number, Promise<QaThreadData>>>();

export function threadData(db: Db, key: object, threadId: number, viewerId: number | null): Promise<QaThreadData> {
  let perRequest = memo.get(key);
  if (!perRequest) memo.set(key, (perRequest = new Map()));
  let found = perRequest.get(threadId);
  if (!found) perRequest.set(threadId, (found = loadThreadData(db, threadId, viewerId)));
  return found;
}
