import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';

export type QueueAction = 'approve' | 'reject' | 'dismiss';

export interface QueueReason {
  reason: string;
  text: string;
  reporterId: number | null;
}

/** One thing waiting for a decision, as the review page shows it. */
export interface QueueEntry {
  source: string;
  key: string;
  title: string;
  url: string | null;
  /** Plain text (the start of the content). */
  body: string;
  createdAt: Date;
  authorId: number | null;
  /** Why it is here: report reasons, or the rule that held it (an i18n key or text). */
  reasons: QueueReason[];
  heldReason?: string | null;
  hidden?: boolean;
  /** Extra plain-text lines (e.g. questionnaire answers). */
  meta: string[];
  actions: QueueAction[];
  editUrl?: string;
}

export interface QueueDeps {
  db: Db;
  hooks: HookBus;
}

/** A kind of queue item, core's or another domain's (registrations awaiting approval). */
export interface InternalQueueSource {
  id: string;
  labelKey: string;
  count(deps: QueueDeps): Promise<number>;
  list(deps: QueueDeps, opts: { limit: number }): Promise<QueueEntry[]>;
  act(deps: QueueDeps, input: { key: string; action: QueueAction; by: User; note: string }): Promise<{ title: string }>;
}

/** The public shape other domains register (see registerQueueSource). */
export interface QueueItem {
  id: number;
  title: string;
  url: string | null;
  body: string;
  createdAt: Date;
  authorId: number | null;
  meta?: string[];
}

export interface QueueSource {
  id: string;
  labelKey: string;
  count(db: Db): Promise<number>;
  list(db: Db, opts: { limit: number }): Promise<QueueItem[]>;
  act(db: Db, input: { itemId: number; action: 'approve' | 'reject'; by: User; reason: string }): Promise<void>;
}
