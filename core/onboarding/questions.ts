import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { UserError } from '../http/errors.tsx';
import { parseOrThrow, ValidationError, type FieldErrors } from '../http/validation.ts';
import { entryQuestions, type EntryAnswer, type EntryQuestion } from './schema.ts';

export const MAX_QUESTIONS = 10;
export const MAX_ANSWER = 2000;

export const questionInputSchema = z.object({
  prompt: z.string().trim().min(1, 'onboarding.question.prompt.required').max(300, 'validation.tooLong'),
  help: z.string().trim().max(300, 'validation.tooLong').default(''),
  required: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});

export function listQuestions(db: DbOrTx): Promise<EntryQuestion[]> {
  return db.select().from(entryQuestions).orderBy(asc(entryQuestions.position), asc(entryQuestions.id));
}

export async function addQuestion(db: DbOrTx, input: z.input<typeof questionInputSchema>): Promise<EntryQuestion> {
  const data = parseOrThrow(questionInputSchema, input);
  const [n] = await db.select({ n: sql<number>`count(*)::int`, max: sql<number>`coalesce(max(${entryQuestions.position}), 0)::int` }).from(entryQuestions);
  if (Number(n?.n ?? 0) >= MAX_QUESTIONS) throw new ValidationError({ _form: 'onboarding.question.tooMany' });
  const [row] = await db.insert(entryQuestions).values({ ...data, position: Number(n?.max ?? 0) + 1 }).returning();
  return row!;
}

export async function updateQuestion(db: DbOrTx, id: number, input: z.input<typeof questionInputSchema>): Promise<void> {
  const data = parseOrThrow(questionInputSchema, input);
  const updated = await db.update(entryQuestions).set(data).where(eq(entryQuestions.id, id)).returning({ id: entryQuestions.id });
  if (updated.length === 0) throw new UserError(404, 'error.404.body');
}

/** Answers already given keep their copy of the prompt, so a question can go at any time. */
export async function deleteQuestion(db: DbOrTx, id: number): Promise<void> {
  await db.delete(entryQuestions).where(eq(entryQuestions.id, id));
}

export function answerField(question: Pick<EntryQuestion, 'id'>): string {
  return `q${question.id}`;
}

/** The registration form's answers, checked: a required question needs an answer; errors are per field. */
export function readAnswers(questions: EntryQuestion[], form: Record<string, string>): { answers: EntryAnswer[]; errors: FieldErrors } {
  const answers: EntryAnswer[] = [];
  const errors: FieldErrors = {};
  for (const q of questions) {
    const field = answerField(q);
    const answer = (form[field] ?? '').replace(/\r\n/g, '\n').trim();
    if (q.required && answer === '') errors[field] = 'onboarding.answer.required';
    else if (answer.length > MAX_ANSWER) errors[field] = 'onboarding.answer.long';
    else if (answer !== '') answers.push({ questionId: q.id, prompt: q.prompt, answer });
  }
  return { answers, errors };
}
