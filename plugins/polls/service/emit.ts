import type { ActionHooks, HookContext } from '../../../core/plugins/api.ts';
import type { PollKind } from '../schema.ts';
import type { PollsApi } from '../settings.ts';

declare module '../../../core/plugins/api.ts' {
  interface ActionHooks {
    /** A member voted or changed their vote (or answered a survey or quiz). `userId` is null for anonymous polls. */
    'polls.voted': { pollId: number; threadId: number; kind: PollKind; userId: number | null; changed: boolean };
    /** A poll was closed by hand (closedBy) or by its schedule (closedBy null). */
    'polls.closed': { pollId: number; threadId: number; closedBy: number | null };
    'giveaway.drawn': { giveawayId: number; threadId: number; winnerIds: number[]; eligibleCount: number };
  }
}

type PollsHook = 'polls.voted' | 'polls.closed' | 'giveaway.drawn';

/** The one place the plugin fires its own hooks, so other plugins can rely on when they run. */
export function emit<K extends PollsHook>(api: PollsApi, name: K, payload: ActionHooks[K], ctx: HookContext): Promise<void> {
  return api.emit(name, payload, ctx);
}
