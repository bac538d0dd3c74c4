import type { NewPoll } from '../input/poll-form.ts';
import { pollsOptions, pollsPolls, pollsQuestions, type Poll } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { scheduleClose } from './schedule-close.ts';

/** Stores a poll, survey or quiz with its questions and options, in one transaction. */
export async function createPoll(api: PollsApi, input: { threadId: number; authorId: number; poll: NewPoll }): Promise<Poll> {
  const { poll } = input;
  const created = await api.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pollsPolls)
      .values({
        threadId: input.threadId,
        authorId: input.authorId,
        kind: poll.kind,
        title: poll.title,
        anonymous: poll.anonymous,
        results: poll.results,
        closesAt: poll.closesAt,
      })
      .returning();
    const questions = await tx
      .insert(pollsQuestions)
      .values(
        poll.questions.map((q, position) => ({ pollId: row!.id, position, kind: q.kind, prompt: q.prompt, minChoices: q.min, maxChoices: q.max })),
      )
      .returning({ id: pollsQuestions.id, position: pollsQuestions.position });
    const options = poll.questions.flatMap((q, qPosition) => {
      const questionId = questions.find((x) => x.position === qPosition)!.id;
      return q.options.map((label, position) => ({ pollId: row!.id, questionId, position, label, correct: q.correct.includes(position) }));
    });
    if (options.length) await tx.insert(pollsOptions).values(options);
    return row!;
  });
  await scheduleClose(api, created);
  return created;
}
