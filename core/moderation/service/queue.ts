import { UserError } from '../../http/errors.tsx';
import type { InternalQueueSource, QueueDeps, QueueEntry, QueueSource } from './queue-types.ts';
import { heldSource } from './queue-held.ts';
import { messageReportSource } from './queue-messages.ts';
import { reportSource } from './queue-reports.ts';

const sources = new Map<string, InternalQueueSource>();

function register(source: InternalQueueSource): void {
  sources.set(source.id, source);
}

register(reportSource);
register(heldSource);
register(messageReportSource);

/**
 * Adds a kind of item to the one review queue, e.g. registrations awaiting approval. Its items get
 * approve and reject buttons; act() does the work (and should log it with logModerationAction).
 */
export function registerQueueSource(source: QueueSource): void {
  register({
    id: source.id,
    labelKey: source.labelKey,
    count: (deps) => source.count(deps.db),
    async list(deps, opts) {
      const items = await source.list(deps.db, opts);
      return items.map(
        (item): QueueEntry => ({
          source: source.id,
          key: String(item.id),
          title: item.title,
          url: item.url,
          body: item.body,
          createdAt: item.createdAt,
          authorId: item.authorId,
          reasons: [],
          meta: item.meta ?? [],
          actions: ['approve', 'reject'],
        }),
      );
    },
    async act(deps, input) {
      const itemId = Number(input.key);
      if (input.action === 'dismiss' || !Number.isSafeInteger(itemId)) throw new UserError(400, 'error.400.body');
      await source.act(deps.db, { itemId, action: input.action, by: input.by, reason: input.note });
      return { title: `#${itemId}` };
    },
  });
}

export function queueSources(): InternalQueueSource[] {
  return [...sources.values()];
}

export function queueSource(id: string): InternalQueueSource | undefined {
  return sources.get(id);
}

export interface QueueSection {
  source: InternalQueueSource;
  count: number;
  entries: QueueEntry[];
}

/** Every source's count and first items (or one source's), oldest first. */
export async function loadQueue(deps: QueueDeps, only?: string, limit = 30): Promise<QueueSection[]> {
  const chosen = queueSources().filter((s) => !only || s.id === only);
  return Promise.all(
    chosen.map(async (source) => {
      const [count, entries] = await Promise.all([source.count(deps), source.list(deps, { limit })]);
      return { source, count, entries };
    }),
  );
}
