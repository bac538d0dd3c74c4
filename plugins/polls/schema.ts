import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { threads, users } from '../../core/plugins/api.ts';

export const pollKinds = ['poll', 'survey', 'quiz'] as const;
export type PollKind = (typeof pollKinds)[number];
export const questionKinds = ['single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const resultsVisibilities = ['always', 'voted', 'closed'] as const;
export type ResultsVisibility = (typeof resultsVisibilities)[number];
export const giveawayRules = ['replied', 'voted', 'registered'] as const;
export type GiveawayRule = (typeof giveawayRules)[number];

/** A poll, survey or quiz attached to a thread; a plain poll has exactly one question. */
export const pollsPolls = pgTable(
  'polls_polls',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').$type<PollKind>().notNull(),
    title: text('title').notNull(),
    /** Voter ids are stored (one vote each) but never shown or exported. Cannot be switched off later. */
    anonymous: boolean('anonymous').notNull().default(false),
    results: text('results').$type<ResultsVisibility>().notNull().default('always'),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the thread page loads every poll of its thread
    index('polls_polls_thread_idx').on(t.threadId, t.id),
    check('polls_polls_kind_check', sql`${t.kind} in ('poll', 'survey', 'quiz')`),
    check('polls_polls_results_check', sql`${t.results} in ('always', 'voted', 'closed')`),
  ],
);

export const pollsQuestions = pgTable(
  'polls_questions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pollId: integer('poll_id')
      .notNull()
      .references(() => pollsPolls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<QuestionKind>().notNull(),
    prompt: text('prompt').notNull(),
    minChoices: integer('min_choices').notNull().default(1),
    maxChoices: integer('max_choices').notNull().default(1),
  },
  (t) => [
    uniqueIndex('polls_questions_poll_position_idx').on(t.pollId, t.position),
    check('polls_questions_kind_check', sql`${t.kind} in ('single', 'multiple', 'text')`),
    check('polls_questions_choices_check', sql`${t.minChoices} >= 0 and ${t.maxChoices} >= ${t.minChoices}`),
  ],
);

export const pollsOptions = pgTable(
  'polls_options',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Repeated from the question so a thread's options load in one query. */
    pollId: integer('poll_id')
      .notNull()
      .references(() => pollsPolls.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => pollsQuestions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    /** Quizzes: part of the right answer. */
    correct: boolean('correct').notNull().default(false),
  },
  (t) => [uniqueIndex('polls_options_question_position_idx').on(t.questionId, t.position), index('polls_options_poll_idx').on(t.pollId)],
);

/** One per member and poll, enforced here: a vote change rewrites the member's choices, never adds a response. */
export const pollsResponses = pgTable(
  'polls_responses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pollId: integer('poll_id')
      .notNull()
      .references(() => pollsPolls.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Quizzes: questions answered right. */
    score: integer('score'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('polls_responses_poll_user_idx').on(t.pollId, t.userId),
    // quiz leaderboards: best score first, ties by earliest submission
    index('polls_responses_leaderboard_idx').on(t.pollId, t.score.desc().nullsFirst(), t.createdAt, t.id),
  ],
);

export const pollsChoices = pgTable(
  'polls_choices',
  {
    responseId: integer('response_id')
      .notNull()
      .references(() => pollsResponses.id, { onDelete: 'cascade' }),
    pollId: integer('poll_id')
      .notNull()
      .references(() => pollsPolls.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => pollsQuestions.id, { onDelete: 'cascade' }),
    optionId: integer('option_id')
      .notNull()
      .references(() => pollsOptions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.optionId] }),
    // result counts per option: an index-only scan
    index('polls_choices_poll_option_idx').on(t.pollId, t.optionId),
  ],
);

export const pollsTextAnswers = pgTable(
  'polls_text_answers',
  {
    responseId: integer('response_id')
      .notNull()
      .references(() => pollsResponses.id, { onDelete: 'cascade' }),
    pollId: integer('poll_id')
      .notNull()
      .references(() => pollsPolls.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => pollsQuestions.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index('polls_text_answers_poll_idx').on(t.pollId, t.questionId),
    check('polls_text_answers_length_check', sql`char_length(${t.body}) <= 500`),
  ],
);

export const pollsGiveaways = pgTable(
  'polls_giveaways',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    winnerCount: integer('winner_count').notNull(),
    rule: text('rule').$type<GiveawayRule>().notNull(),
    /** The poll whose voters are eligible (rule 'voted'); never an anonymous one. */
    pollId: integer('poll_id').references(() => pollsPolls.id, { onDelete: 'set null' }),
    /** Only accounts created before this may win (required for rule 'registered'). */
    registeredBefore: timestamp('registered_before', { withTimezone: true }),
    /** A scheduled draw; null means the author or staff draw by hand. */
    drawAt: timestamp('draw_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('polls_giveaways_thread_idx').on(t.threadId, t.id),
    check('polls_giveaways_rule_check', sql`${t.rule} in ('replied', 'voted', 'registered')`),
    check('polls_giveaways_winners_check', sql`${t.winnerCount} >= 1`),
  ],
);

/**
 * The recorded draw. Its primary key is the giveaway: a giveaway is drawn once, whoever races to draw it.
 * Seed and sorted eligible list are published so anyone can re-derive the winners.
 */
export const pollsDraws = pgTable('polls_draws', {
  giveawayId: integer('giveaway_id')
    .primaryKey()
    .references(() => pollsGiveaways.id, { onDelete: 'cascade' }),
  seed: text('seed').notNull(),
  listHash: text('list_hash').notNull(),
  eligibleIds: integer('eligible_ids').array().notNull(),
  winnerIds: integer('winner_ids').array().notNull(),
  algorithm: text('algorithm').notNull(),
  drawnById: integer('drawn_by_id').references(() => users.id, { onDelete: 'set null' }),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Poll = typeof pollsPolls.$inferSelect;
export type Question = typeof pollsQuestions.$inferSelect;
export type PollOption = typeof pollsOptions.$inferSelect;
export type PollResponse = typeof pollsResponses.$inferSelect;
export type Giveaway = typeof pollsGiveaways.$inferSelect;
export type Draw = typeof pollsDraws.$inferSelect;
