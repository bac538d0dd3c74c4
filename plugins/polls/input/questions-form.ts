import { z } from 'zod';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../../core/plugins/api.ts';
import type { QuestionKind } from '../schema.ts';
import { checkbox, count, text, titleField, type FormInput } from './fields.ts';
import { checkPicks, closesAtSchema, optionsSchema, type FormRules, type NewPoll, type NewQuestion } from './poll-form.ts';

export const MAX_QUESTIONS = 20;
export const MAX_PROMPT_CHARS = 300;

/** Field name of part of question `n` (1-based) in the survey and quiz forms. */
export const questionField = (n: number, part: 'prompt' | 'kind' | 'options' | 'min' | 'max' | 'correct') => `polls_q${n}_${part}`;

/** How many question blocks the form shows: what was submitted, at least 1, at most MAX_QUESTIONS. */
export function questionCount(form: FormInput): number {
  const n = Number(text(form, 'polls_questions'));
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), MAX_QUESTIONS) : 1;
}

const promptSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'polls.error.promptRequired').max(MAX_PROMPT_CHARS, 'polls.error.promptTooLong'));

/** "2" or "1, 3": positions of the right options, counted from 1 as the form shows them. */
const correctSchema = z
  .string()
  .transform((s) => s.split(/[\s,，、]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{1,3}$/, 'polls.error.correctInvalid')).min(1, 'polls.error.correctRequired'))
  .transform((list) => [...new Set(list.map(Number))].sort((a, b) => a - b));

function parseQuestion(form: FormInput, n: number, quiz: boolean, maxOptions: number): { question?: NewQuestion; errors: FieldErrors } {
  const raw = (part: Parameters<typeof questionField>[1]) => text(form, questionField(n, part));
  if (raw('prompt').trim() === '' && raw('options').trim() === '') return { errors: {} };
  const errors: FieldErrors = {};
  const issue = (part: Parameters<typeof questionField>[1], result: z.ZodSafeParseResult<unknown>) => {
    if (!result.success) errors[questionField(n, part)] = result.error.issues[0]?.message ?? 'polls.error.invalid';
    return result.success;
  };
  const prompt = promptSchema.safeParse(raw('prompt'));
  issue('prompt', prompt);
  const kinds: QuestionKind[] = quiz ? ['single', 'multiple'] : ['single', 'multiple', 'text'];
  const kind = z.enum(kinds as [QuestionKind, ...QuestionKind[]], { error: 'polls.error.kindInvalid' }).safeParse(raw('kind') || 'single');
  if (!issue('kind', kind) || !prompt.success) return { errors };
  if (kind.data === 'text') return { question: { kind: 'text', prompt: prompt.data, options: [], min: 0, max: 0, correct: [] }, errors };

  const options = optionsSchema(maxOptions).safeParse(raw('options'));
  if (!issue('options', options)) return { errors };
  const optionCount = options.data.length;
  const single = kind.data === 'single';
  const min = count(1, 'polls.error.numberInvalid').safeParse(single ? '' : raw('min'));
  const max = count(single ? 1 : optionCount, 'polls.error.numberInvalid').safeParse(single ? '' : raw('max'));
  if (!issue('min', min) || !issue('max', max)) return { errors };
  const picks = checkPicks(min.data, max.data, optionCount);
  if (picks.min) errors[questionField(n, 'min')] = picks.min;
  if (picks.max) errors[questionField(n, 'max')] = picks.max;
  let correct: number[] = [];
  if (quiz) {
    const parsed = correctSchema.safeParse(raw('correct'));
    if (issue('correct', parsed)) {
      correct = parsed.data.map((p) => p - 1);
      if (correct.some((p) => p < 0 || p >= optionCount)) errors[questionField(n, 'correct')] = 'polls.error.correctOutOfRange';
      else if (single && correct.length !== 1) errors[questionField(n, 'correct')] = 'polls.error.correctOneOnly';
    }
  }
  if (Object.keys(errors).length) return { errors };
  return { question: { kind: kind.data, prompt: prompt.data, options: options.data, min: min.data, max: max.data, correct }, errors };
}

/** The survey and quiz forms: a title and up to MAX_QUESTIONS question blocks; empty blocks are skipped. */
export function parseQuestionsForm(form: FormInput, kind: 'survey' | 'quiz', rules: FormRules): NewPoll {
  const head = parseOrThrow(
    z.object({ polls_title: titleField, polls_closes_at: closesAtSchema(rules), polls_anonymous: checkbox }),
    {
      polls_title: text(form, 'polls_title'),
      polls_closes_at: text(form, 'polls_closes_at'),
      polls_anonymous: text(form, 'polls_anonymous') || undefined,
    },
  );
  const errors: FieldErrors = {};
  const questions: NewQuestion[] = [];
  for (let n = 1; n <= questionCount(form); n++) {
    const parsed = parseQuestion(form, n, kind === 'quiz', rules.settings.maxOptions);
    Object.assign(errors, parsed.errors);
    if (parsed.question) questions.push(parsed.question);
  }
  if (questions.length === 0 && Object.keys(errors).length === 0) errors[questionField(1, 'prompt')] = 'polls.error.noQuestions';
  // a quiz names everyone on its leaderboard, so it cannot be anonymous
  const anonymous = kind === 'survey' && head.polls_anonymous;
  if (anonymous && !rules.settings.allowAnonymous) errors._form = 'polls.error.anonymousNotAllowed';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { kind, title: head.polls_title, anonymous, results: 'closed', closesAt: head.polls_closes_at, questions };
}
