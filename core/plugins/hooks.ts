import type { User } from '../accounts/schema.ts';
import type { Category, Post, Thread } from '../forum/schema.ts';
import type { Logger } from '../logger.ts';

/** What a filter or action is told about where it runs. */
export interface HookContext {
  /** The member acting (null for a guest or a system job). */
  user: User | null;
  /** The category the content belongs to, when there is one: category-scoped plugins run only where enabled. */
  categoryId?: number | null;
  /** The submitted form (composer fields), where the hook runs for a form post: plugins read their own fields
   * (e.g. a poll attached in composer.extras) in `thread.beforeCreate` and persist them in `thread.created`. */
  form?: Readonly<Record<string, string | string[]>>;
}

/** A filter's request to keep new content out of sight until staff review it (the first request wins). */
export interface HoldRequest {
  /** Shown to staff in the review queue and to the author: an i18n key or plain text. */
  reason: string;
}

/**
 * Filters run before core acts: each may return a changed value, or reject with a message for the member.
 * Plugins add their own by declaration merging: `declare module '…/core/plugins/api' { interface FilterHooks { … } }`.
 */
export interface FilterHooks {
  /** publishAt: scheduled publishing (core/scheduling sets it from the staff composer field). */
  'thread.beforeCreate': {
    title: string;
    raw: string;
    categoryId: number;
    tags: string[];
    source: string | null;
    hold?: HoldRequest | null;
    publishAt?: Date | null;
  };
  'post.beforeCreate': { raw: string; threadId: number; categoryId: number; replyToPostId: number | null; hold?: HoldRequest | null };
  'post.beforeEdit': { raw: string; post: Post };
  /** A thread's new title, whoever changes it (its author, staff, or a member whose trust level allows it). */
  'thread.beforeRetitle': { title: string; thread: Thread };
  /** The sanitised HTML of a post as it is rendered at write time. */
  'post.render': { html: string; raw: string };
  /** The order of a thread page's posts: `postIds` null keeps number order; a plugin returns every post id of the
   * thread in display order (Q&A: question, accepted answer, answers by votes) and core pages through that list. */
  'thread.postOrder': { thread: Thread; category: Category; postIds: number[] | null };
}

/** Actions observe after the fact; a failing action is logged and never breaks the request. */
export interface ActionHooks {
  'thread.created': { thread: Thread; post: Post; category: Category };
  'post.created': { post: Post; thread: Thread; category: Category };
  'post.edited': { post: Post; thread: Thread; previousRaw: string };
  'post.deleted': { post: Post; thread: Thread; byStaff: boolean };
  'post.restored': { post: Post; thread: Thread };
  'post.liked': { post: Post; thread: Thread; likedBy: User };
  'post.unliked': { post: Post; thread: Thread; unlikedBy: User };
  'user.registered': { user: User };
  'user.loggedIn': { user: User };
  /** A thread moved to another category by staff or a trusted member (search and caches re-check permissions). */
  'thread.moved': { thread: Thread; from: Category; to: Category; by: User };
  /** Someone registered through a member's invitation. */
  'invite.accepted': { inviterId: number; user: User };

  // Contracts between first-party plugins, declared here so a listener (badges) needs no import of the
  // emitter (qa, events) and simply never hears them when that plugin is not installed.
  // (polls declares its own `polls.voted` by declaration merging in plugins/polls/service/emit.ts.)
  'qa.answerAccepted': { thread: Thread; answer: Post; acceptedBy: User; previousAnswerId: number | null };
  'qa.answerUnaccepted': { thread: Thread; answer: Post; by: User };
  'qa.answerVoted': { thread: Thread; answer: Post; voter: User; value: -1 | 0 | 1; previous: -1 | 0 | 1 };
  'events.rsvped': { thread: Thread; userId: number; status: 'going' | 'interested' | 'not_going' | 'waitlisted' };
  'events.attended': { thread: Thread; userId: number; markedBy: User };
}

export type FilterName = keyof FilterHooks;
export type ActionName = keyof ActionHooks;

/** A filter's refusal: the message key (in the plugin's or core's locale) is shown to the member. */
export class HookRejection extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'HookRejection';
  }
}

export type FilterHandler<K extends FilterName> = (
  value: FilterHooks[K],
  ctx: HookContext,
) => FilterHooks[K] | Promise<FilterHooks[K]>;
export type ActionHandler<K extends ActionName> = (payload: ActionHooks[K], ctx: HookContext) => void | Promise<void>;

interface Registration<H> {
  owner: string;
  priority: number;
  handler: H;
  /** Decides, per call, whether this registration applies (plugin enabled, in this category). */
  active: (ctx: HookContext) => boolean | Promise<boolean>;
}

export interface HookRegistrationOptions {
  owner: string;
  /** Lower runs first; default 100. */
  priority?: number;
  active?: (ctx: HookContext) => boolean | Promise<boolean>;
}

/** Typed filters and actions, with priorities and per-owner activation. */
export class HookBus {
  private filters = new Map<string, Registration<FilterHandler<FilterName>>[]>();
  private actions = new Map<string, Registration<ActionHandler<ActionName>>[]>();

  constructor(private readonly logger?: Logger) {}

  addFilter<K extends FilterName>(name: K, handler: FilterHandler<K>, options: HookRegistrationOptions): void {
    insertSorted(this.filters, name, {
      owner: options.owner,
      priority: options.priority ?? 100,
      handler: handler as unknown as FilterHandler<FilterName>,
      active: options.active ?? (() => true),
    });
  }

  addAction<K extends ActionName>(name: K, handler: ActionHandler<K>, options: HookRegistrationOptions): void {
    insertSorted(this.actions, name, {
      owner: options.owner,
      priority: options.priority ?? 100,
      handler: handler as unknown as ActionHandler<ActionName>,
      active: options.active ?? (() => true),
    });
  }

  /** Runs every active filter in priority order; a HookRejection propagates to the caller. */
  async filter<K extends FilterName>(name: K, value: FilterHooks[K], ctx: HookContext): Promise<FilterHooks[K]> {
    let current = value;
    for (const reg of this.filters.get(name) ?? []) {
      if (!(await reg.active(ctx))) continue;
      current = (await reg.handler(current as never, ctx)) as FilterHooks[K];
    }
    return current;
  }

  /** Runs every active action; errors are logged with the owner's name and swallowed. */
  async action<K extends ActionName>(name: K, payload: ActionHooks[K], ctx: HookContext): Promise<void> {
    for (const reg of this.actions.get(name) ?? []) {
      try {
        if (!(await reg.active(ctx))) continue;
        await reg.handler(payload as never, ctx);
      } catch (error) {
        this.logger?.error({ err: error, plugin: reg.owner, hook: name }, `action ${name} failed in ${reg.owner}`);
      }
    }
  }

  has(name: FilterName | ActionName): boolean {
    return (this.filters.get(name)?.length ?? 0) + (this.actions.get(name)?.length ?? 0) > 0;
  }
}

function insertSorted<R extends { priority: number }>(map: Map<string, R[]>, name: string, reg: R): void {
  const list = map.get(name) ?? [];
  list.push(reg);
  list.sort((a, b) => a.priority - b.priority);
  map.set(name, list);
}
