import { z } from 'zod';
import type { PollView } from '../service/load-polls.ts';
import { all, text, type FormInput } from './fields.ts';

export const MAX_TEXT_ANSWER_CHARS = 500;

export interface Answer {
  questionId: number;
  optionIds: number[];
  /** Short-text questions; null for choice questions and unanswered text. */
  text: string | null;
}

export interface BallotProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** Question id → what is wrong with its answer (or 0 → about the whole ballot). */
export type BallotProblems = Record<number, BallotProblem>;

/** A refused ballot: shown inside the poll block, next to the question concerned. */
export class BallotError extends Error {
  constructor(
    readonly problems: BallotProblems,
    readonly status: 403 | 409 | 422 = 422,
  ) {
    super(`ballot refused: ${Object.values(problems).map((p) => p.key).join(', ')}`);
    this.name = 'BallotError';
  }
}

export const ballotField = (questionId: number) => `q${questionId}`;

const textAnswer = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(MAX_TEXT_ANSWER_CHARS, 'polls.error.answerTooLong'));

function choiceAnswer(allowed: Set<number>, min: number, max: number, single: boolean) {
  return z
    .array(z.string().regex(/^\d{1,10}$/, 'polls.error.optionUnknown').transform(Number))
    .transform((ids) => [...new Set(ids)])
    .superRefine((ids, ctx) => {
      if (ids.some((id) => !allowed.has(id))) ctx.addIssue({ code: 'custom', message: 'polls.error.optionUnknown' });
      else if (single && ids.length !== 1) ctx.addIssue({ code: 'custom', message: 'polls.error.pickOne' });
      else if (ids.length < min) ctx.addIssue({ code: 'custom', message: 'polls.error.pickAtLeast', params: { n: min } });
      else if (ids.length > max) ctx.addIssue({ code: 'custom', message: 'polls.error.pickAtMost', params: { n: max } });
    });
}

/** Reads a vote or a survey/quiz answer sheet against the poll's own questions and options. */
export function parseBallot(view: PollView, form: FormInput): Answer[] {
  const problems: BallotProblems = {};
  const answers: Answer[] = [];
  for (const { question, options } of view.questions) {
    const field = ballotField(question.id);
    if (question.kind === 'text') {
      const parsed = textAnswer.safeParse(text(form, field));
      if (!parsed.success) problems[question.id] = { key: parsed.error.issues[0]!.message, params: { n: MAX_TEXT_ANSWER_CHARS } };
      else answers.push({ questionId: question.id, optionIds: [], text: parsed.data || null });
      continue;
    }
    const allowed = new Set(options.map((o) => o.option.id));
    const parsed = choiceAnswer(allowed, question.minChoices, question.maxChoices, question.kind === 'single').safeParse(all(form, field));
    if (parsed.success) answers.push({ questionId: question.id, optionIds: parsed.data, text: null });
    else {
      const issue = parsed.error.issues[0]!;
      const params = issue.code === 'custom' ? (issue.params as Record<string, number> | undefined) : undefined;
      problems[question.id] = { key: issue.message, params };
    }
  }
  if (Object.keys(problems).length === 0 && answers.every((a) => a.optionIds.length === 0 && a.text === null)) {
    problems[0] = { key: 'polls.error.emptyResponse' };
  }
  if (Object.keys(problems).length) throw new BallotError(problems);
  return answers;
}
