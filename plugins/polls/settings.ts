import { z } from 'zod';
import type { PluginApi } from '../../core/plugins/api.ts';
import { resultsVisibilities } from './schema.ts';

export const pollsSettings = z.object({
  /** Who may attach polls to a thread: its starter only, or any member who can take part. */
  whoCanCreate: z.enum(['starter', 'anyone']).default('starter'),
  maxOptions: z.number().int().min(2).max(50).default(20),
  allowAnonymous: z.boolean().default(true),
  defaultResultsVisibility: z.enum(resultsVisibilities).default('always'),
  giveawayMaxWinners: z.number().int().min(1).max(100).default(10),
});

export type PollsSettings = z.infer<typeof pollsSettings>;
export type PollsApi = PluginApi<PollsSettings>;
