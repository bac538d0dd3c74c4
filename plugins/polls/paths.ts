import type { PollKind } from './schema.ts';

export type CreateKind = PollKind | 'giveaway';
export const createKinds: readonly CreateKind[] = ['poll', 'survey', 'quiz', 'giveaway'];

const root = '/plugins/polls';

/** Every URL of the plugin, in one place. */
export const paths = {
  thread: (threadId: number) => `/t/${threadId}`,
  create: (threadId: number, kind?: CreateKind) => `${root}/t/${threadId}/new${kind ? `?kind=${kind}` : ''}`,
  poll: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}`,
  vote: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/vote`,
  close: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/close`,
  reopen: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/reopen`,
  edit: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/edit`,
  remove: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/delete`,
  results: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/results`,
  csv: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/export.csv`,
  leaderboard: (threadId: number, pollId: number) => `${root}/t/${threadId}/p/${pollId}/leaderboard`,
  giveaway: (threadId: number, giveawayId: number) => `${root}/t/${threadId}/g/${giveawayId}`,
  draw: (threadId: number, giveawayId: number) => `${root}/t/${threadId}/g/${giveawayId}/draw`,
  removeGiveaway: (threadId: number, giveawayId: number) => `${root}/t/${threadId}/g/${giveawayId}/delete`,
  verify: (threadId: number, giveawayId: number) => `${root}/t/${threadId}/g/${giveawayId}/verify`,
  pollAnchor: (threadId: number, pollId: number) => `/t/${threadId}#polls-poll-${pollId}`,
  giveawayAnchor: (threadId: number, giveawayId: number) => `/t/${threadId}#polls-giveaway-${giveawayId}`,
};

export const pollDomId = (pollId: number) => `polls-poll-${pollId}`;
export const giveawayDomId = (giveawayId: number) => `polls-giveaway-${giveawayId}`;
