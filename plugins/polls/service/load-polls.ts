import { and, asc, count, eq, inArray, lte, sql } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { pollsChoices, pollsOptions, pollsPolls, pollsQuestions, pollsResponses, type Poll, type PollOption, type Question } from '../schema.ts';

/** How many voter names a public poll lists per option; the rest are counted. */
export const VOTERS_SHOWN = 30;

export interface VoterName {
  username: string;
  displayName: string;
}

export interface OptionView {
  option: PollOption;
  count: number;
  /** Empty for anonymous polls: their voters are never loaded. */
  voters: VoterName[];
}

export interface PollView {
  poll: Poll;
  questions: { question: Question; options: OptionView[] }[];
  /** Members who voted or answered. */
  responders: number;
  mine: { responded: boolean; optionIds: Set<number>; score: number | null };
}

/**
 * Everything a thread's poll blocks show, in a fixed number of queries however many polls,
 * questions and voters there are.
 */
export async function loadPolls(db: Db, where: { threadId: number; pollId?: number; viewerId: number | null }): Promise<PollView[]> {
  const polls = await db
    .select()
    .from(pollsPolls)
    .where(and(eq(pollsPolls.threadId, where.threadId), where.pollId === undefined ? undefined : eq(pollsPolls.id, where.pollId)))
    .orderBy(asc(pollsPolls.id));
  if (polls.length === 0) return [];
  const ids = polls.map((p) => p.id);
  const publicPollIds = polls.filter((p) => p.kind === 'poll' && !p.anonymous).map((p) => p.id);
  const [questions, options, counts, responders, mine, voters] = await Promise.all([
    db.select().from(pollsQuestions).where(inArray(pollsQuestions.pollId, ids)).orderBy(asc(pollsQuestions.position)),
    db.select().from(pollsOptions).where(inArray(pollsOptions.pollId, ids)).orderBy(asc(pollsOptions.position)),
    db
      .select({ optionId: pollsChoices.optionId, n: count() })
      .from(pollsChoices)
      .where(inArray(pollsChoices.pollId, ids))
      .groupBy(pollsChoices.optionId),
    db
      .select({ pollId: pollsResponses.pollId, n: count() })
      .from(pollsResponses)
      .where(inArray(pollsResponses.pollId, ids))
      .groupBy(pollsResponses.pollId),
    where.viewerId === null
      ? Promise.resolve([])
      : db
          .select({ pollId: pollsResponses.pollId, score: pollsResponses.score, optionId: pollsChoices.optionId })
          .from(pollsResponses)
          .leftJoin(pollsChoices, eq(pollsChoices.responseId, pollsResponses.id))
          .where(and(inArray(pollsResponses.pollId, ids), eq(pollsResponses.userId, where.viewerId))),
    publicPollIds.length ? loadVoters(db, publicPollIds) : Promise.resolve([]),
  ]);
  const countOf = new Map(counts.map((c) => [c.optionId, c.n]));
  const respondersOf = new Map(responders.map((r) => [r.pollId, r.n]));
  const votersOf = new Map<number, VoterName[]>();
  for (const v of voters) {
    const list = votersOf.get(v.optionId) ?? [];
    list.push({ username: v.username, displayName: v.displayName });
    votersOf.set(v.optionId, list);
  }
  return polls.map((poll) => {
    const own = mine.filter((m) => m.pollId === poll.id);
    return {
      poll,
      questions: questions
        .filter((q) => q.pollId === poll.id)
        .map((question) => ({
          question,
          options: options
            .filter((o) => o.questionId === question.id)
            .map((option) => ({ option, count: countOf.get(option.id) ?? 0, voters: poll.anonymous ? [] : (votersOf.get(option.id) ?? []) })),
        })),
      responders: respondersOf.get(poll.id) ?? 0,
      mine: {
        responded: own.length > 0,
        optionIds: new Set(own.flatMap((m) => (m.optionId === null ? [] : [m.optionId]))),
        score: own[0]?.score ?? null,
      },
    };
  });
}

/** The first VOTERS_SHOWN voters of each option of public polls, earliest first. */
async function loadVoters(db: Db, pollIds: number[]) {
  const ranked = db
    .select({
      optionId: pollsChoices.optionId,
      username: users.username,
      displayName: users.displayName,
      rank: sql<number>`row_number() over (partition by ${pollsChoices.optionId} order by ${pollsResponses.createdAt}, ${pollsResponses.id})`.as('rank'),
    })
    .from(pollsChoices)
    .innerJoin(pollsResponses, eq(pollsResponses.id, pollsChoices.responseId))
    .innerJoin(users, eq(users.id, pollsResponses.userId))
    .where(inArray(pollsChoices.pollId, pollIds))
    .as('ranked');
  return db
    .select({ optionId: ranked.optionId, username: ranked.username, displayName: ranked.displayName })
    .from(ranked)
    .where(lte(ranked.rank, VOTERS_SHOWN))
    .orderBy(asc(ranked.rank));
}
