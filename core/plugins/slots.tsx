import type { Child, FC } from 'hono/jsx';
import type { ViewContext } from '../ui/view-context.ts';
import type { Category, Post, Thread } from '../forum/schema.ts';
import type { User } from '../accounts/schema.ts';
import { MemberPart } from '../ui/member-parts.tsx';

/**
 * Named places in core templates and the props each receives. Plugins may add their own
 * slot names by declaration merging; a slot nobody fills renders nothing.
 */
/** Slots that pass nothing but the view context. */
export type NoProps = Record<never, never>;

export interface SlotProps {
  head: NoProps;
  header: NoProps;
  sidebar: { category?: Category | null };
  'category.header': { category: Category };
  'thread.header': { thread: Thread; category: Category };
  'thread.belowFirstPost': { thread: Thread; category: Category; firstPost: Post };
  /** Beside a thread's title in thread lists (e.g. "solved"); renders once per row, so load data for every id in
   * `listThreadIds` (the rows rendered together) in one query, memoised per view context. */
  'thread.listItem': { thread: Thread; category: Category; listThreadIds: readonly number[] };
  /** Beside the author's name in a post's header (levels, flair); renders once per post, so batch look-ups. */
  'post.byline': { post: Post; thread: Thread; category: Category };
  'post.footer': { post: Post; thread: Thread; category: Category };
  /** `form` and `errors` are the submitted values and field errors when the composer is shown again after a refusal. */
  'composer.extras': {
    category: Category | null;
    mode: 'thread' | 'reply';
    form?: Readonly<Record<string, string | string[]>>;
    errors?: Readonly<Record<string, string>>;
  };
  'profile.tabs': { profile: User };
  'profile.summary': { profile: User };
  'admin.nav': NoProps;
}

export type SlotName = keyof SlotProps;

/**
 * Loads, before a page renders, what a slot entry will need for every place it renders on that page (every
 * post of a thread page, say), so the render waits on nothing. A render that suspends on the database
 * holds the whole page in memory meanwhile: one such byline halved a thread page's throughput.
 */
export type SlotPreload<N extends SlotName> = (input: { vc: ViewContext; places: readonly SlotProps[N][] }) => Promise<void>;

export interface SlotEntry<N extends SlotName> {
  /** Unique within the slot: a theme or plugin replaces an entry by registering the same key. */
  key: string;
  owner: string;
  priority: number;
  render: FC<SlotProps[N] & { vc: ViewContext }>;
  preload?: SlotPreload<N>;
  /**
   * The render reads nothing of the viewer but what every member of their class shares: language, time zone,
   * role, trust level, groups (core/http/member-pages). Such an entry is rendered into pages shared by a class
   * of members; any other is rendered again for each member.
   */
  shared?: boolean;
  active: (categoryId: number | null | undefined) => boolean;
}

type AnyEntry = SlotEntry<SlotName>;

export class SlotRegistry {
  private entries = new Map<SlotName, AnyEntry[]>();

  /** Adds or replaces (same key) an entry. */
  set<N extends SlotName>(name: N, entry: SlotEntry<N>): void {
    const list = (this.entries.get(name) ?? []).filter((e) => e.key !== entry.key);
    list.push(entry as unknown as AnyEntry);
    list.sort((a, b) => a.priority - b.priority);
    this.entries.set(name, list);
  }

  remove(name: SlotName, key: string): void {
    this.entries.set(name, (this.entries.get(name) ?? []).filter((e) => e.key !== key));
  }

  has(name: SlotName, key: string): boolean {
    return (this.entries.get(name) ?? []).some((e) => e.key === key);
  }

  list<N extends SlotName>(name: N): SlotEntry<N>[] {
    return (this.entries.get(name) ?? []) as unknown as SlotEntry<N>[];
  }
}

/**
 * Memoises a loader per page view: the first call for a view context runs it, every later call (the
 * preload's, then the render's) gets the same promise.
 */
export function perView<A extends unknown[], T>(load: (vc: ViewContext, ...args: A) => Promise<T>): (vc: ViewContext, ...args: A) => Promise<T> {
  const loaded = new WeakMap<ViewContext, Promise<T>>();
  return (vc, ...args) => {
    let found = loaded.get(vc);
    if (!found) loaded.set(vc, (found = load(vc, ...args)));
    return found;
  };
}

/**
 * Runs the preloads of a slot's active entries for the places a page is about to render, side by side.
 * A failed preload is logged and otherwise ignored: the render then loads what it needs itself.
 */
export async function preloadSlot<N extends SlotName>(
  vc: ViewContext,
  name: N,
  categoryId: number | null | undefined,
  places: readonly SlotProps[N][],
  onError: (error: unknown, key: string) => void,
): Promise<void> {
  const registry = vc.slots;
  if (!registry || places.length === 0) return;
  const entries = registry.list(name).filter((e) => e.preload && e.active(categoryId));
  const run = (list: typeof entries, own: ViewContext) => Promise.all(list.map((e) => e.preload!({ vc: own, places }).catch((error: unknown) => onError(error, e.key))));
  const recorder = vc.memberParts;
  if (!recorder) return void (await run(entries, vc));
  // a template shared by a class of members (core/http/member-pages): an entry that is not `shared` renders
  // once per member, with that member's view context, so it is loaded for each member before their parts render
  const perMember = entries.filter((e) => !e.shared);
  if (perMember.length) recorder.preloadPerMember((own) => run(perMember, own));
  await run(entries.filter((e) => e.shared), vc);
}

/** Renders every active entry of a slot. Core templates place these; a category scope narrows them. */
export function Slot<N extends SlotName>(
  props: { name: N; vc: ViewContext; categoryId?: number | null } & SlotProps[N],
): Child {
  const { name, vc, categoryId, ...rest } = props;
  const registry = vc.slots;
  if (!registry) return null;
  const entries = registry.list(name).filter((e) => e.active(categoryId));
  if (entries.length === 0) return null;
  return (
    <>
      {entries.map((e) => {
        const Render = e.render as unknown as FC<Record<string, unknown>>;
        if (vc.memberParts && !e.shared) return <MemberPart vc={vc} render={(own) => <Render {...(rest as Record<string, unknown>)} vc={own} />} />;
        return <Render {...(rest as Record<string, unknown>)} vc={vc} />;
      })}
    </>
  );
}
