import { z } from 'zod';
import type { PluginApi } from '../../core/plugins/api.ts';

export const qaSettings = z.object({
  /** Who may accept an answer: the asker (and staff), or staff only. */
  whoMayAccept: z.enum(['askerAndStaff', 'staff']).default('askerAndStaff'),
  /** Lock a question this many days after an answer was accepted; 0 never. */
  autoCloseDays: z.number().int().min(0).max(365).default(0),
  /** Remind the asker to accept an answer this many days after asking, once; 0 never. */
  remindAfterDays: z.number().int().min(0).max(365).default(3),
});

export type QaSettings = z.infer<typeof qaSettings>;
export type QaApi = PluginApi<QaSettings>;

/** Longest comment under a post, in characters: comments ask for clarification, answers go in replies. */
export const COMMENT_MAX_LENGTH = 600;
