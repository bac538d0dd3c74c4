import { asc, eq } from 'drizzle-orm';
import { users, type Db, type Translator } from '../../../core/plugins/api.ts';
import { pollsChoices, pollsResponses, pollsTextAnswers } from '../schema.ts';
import { toCsv } from './csv.ts';
import type { PollView } from './load-polls.ts';
import { loadTextAnswers } from './text-answers.ts';

/**
 * The export of a poll, survey or quiz. Public ones: one row per member. Anonymous ones: counts per
 * option and grouped text answers only — no column, row or order that could tell who answered what.
 */
export async function exportCsv(db: Db, view: PollView, t: Translator['t']): Promise<string> {
  return view.poll.anonymous ? anonymousExport(db, view, t) : publicExport(db, view, t);
}

async function anonymousExport(db: Db, view: PollView, t: Translator['t']): Promise<string> {
  const texts = await loadTextAnswers(db, view.poll, 100_000);
  const rows: (string | number)[][] = [[t('polls.csv.question'), t('polls.csv.answer'), t('polls.csv.count')]];
  for (const { question, options } of view.questions) {
    if (question.kind === 'text') for (const a of texts.get(question.id) ?? []) rows.push([question.prompt, a.body, a.count]);
    else for (const o of options) rows.push([question.prompt, o.option.label, o.count]);
  }
  rows.push([t('polls.csv.responses'), '', view.responders]);
  return toCsv(rows);
}

async function publicExport(db: Db, view: PollView, t: Translator['t']): Promise<string> {
  const pollId = view.poll.id;
  const [responses, choices, texts] = await Promise.all([
    db
      .select({ id: pollsResponses.id, username: users.username, displayName: users.displayName, createdAt: pollsResponses.createdAt, updatedAt: pollsResponses.updatedAt, score: pollsResponses.score })
      .from(pollsResponses)
      .innerJoin(users, eq(users.id, pollsResponses.userId))
      .where(eq(pollsResponses.pollId, pollId))
      .orderBy(asc(pollsResponses.createdAt), asc(pollsResponses.id)),
    db.select().from(pollsChoices).where(eq(pollsChoices.pollId, pollId)),
    db.select().from(pollsTextAnswers).where(eq(pollsTextAnswers.pollId, pollId)),
  ]);
  const labels = new Map(view.questions.flatMap((q) => q.options.map((o) => [o.option.id, o.option.label] as const)));
  const choicesOf = groupBy(choices, (c) => c.responseId);
  const textsOf = groupBy(texts, (x) => x.responseId);
  const quiz = view.poll.kind === 'quiz';
  const header = [t('polls.csv.username'), t('polls.csv.displayName'), t('polls.csv.submittedAt'), ...(quiz ? [t('polls.csv.score')] : []), ...view.questions.map((q) => q.question.prompt)];
  const rows: (string | number)[][] = [header];
  for (const r of responses) {
    const answers = view.questions.map(({ question }) =>
      question.kind === 'text'
        ? (textsOf.get(r.id)?.find((x) => x.questionId === question.id)?.body ?? '')
        : (choicesOf.get(r.id) ?? [])
            .filter((c) => c.questionId === question.id)
            .map((c) => labels.get(c.optionId) ?? '')
            .join('; '),
    );
    rows.push([r.username, r.displayName, r.updatedAt.toISOString(), ...(quiz ? [r.score ?? 0] : []), ...answers]);
  }
  return toCsv(rows);
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
