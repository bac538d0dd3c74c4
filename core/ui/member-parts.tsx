import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { UnreadState } from '../watching/service/reads.ts';
import type { WatchLevel } from '../watching/schema.ts';
import type { ViewContext } from './view-context.ts';

/**
 * A member's own state on the page being rendered, beyond the view context: on a thread page, what they
 * liked among its posts and how they watch the thread; on a listing, what is new to them in each thread
 * and how they watch the category.
 */
export interface MemberState {
  liked(postId: number): boolean;
  watch?: WatchLevel;
  unread?(threadId: number): UnreadState | undefined;
  categoryWatch?: WatchLevel;
}

export const noMemberState: MemberState = { liked: () => false };

/** How a part of a shared page is made for one member (see MemberPart). */
export interface MemberPartSpec {
  /**
   * Everything of the member the render reads, as a key. Members with the same key share one rendering
   * of the part (each with their own CSRF token put in), so it must name every fact the render uses:
   * "is the author of this post", "liked it", the member's id for a part that shows their name. Without
   * a variant the part is rendered for every member (plugin slots, whose renders core cannot see into).
   */
  variant?: (vc: ViewContext, state: MemberState) => string;
  /** The variant differs for nearly every member (it holds their name): the part is kept apart from what
   * members share, so the rest of the page is still compressed once for all of them. */
  perMember?: boolean;
  render: (vc: ViewContext, state: MemberState) => Child;
}

/**
 * Collects the member-specific parts of a page rendered as a template for a whole class of members
 * (core/http/member-pages): each part is left as a marker in the HTML, to be filled per member.
 */
export class MemberPartRecorder {
  readonly parts: MemberPartSpec[] = [];
  /** Loads the parts rendered per member rely on (plugin slots' preloads), run with each member's view context before their parts render. */
  readonly memberPreloads: ((vc: ViewContext) => Promise<unknown>)[] = [];

  constructor(readonly nonce: string) {}

  add(spec: MemberPartSpec): string {
    this.parts.push(spec);
    return `\u0000${this.nonce}:${this.parts.length - 1}\u0000`;
  }

  preloadPerMember(load: (vc: ViewContext) => Promise<unknown>): void {
    this.memberPreloads.push(load);
  }
}

/**
 * A part of a page that differs between members who otherwise see the same page: their name in the
 * header, their like on a post, the controls of their own posts. Rendered in place for a page made for
 * one viewer; left as a marker when the page is a template shared by members of the same class (same
 * language, time zone, role, trust level and groups), and filled per member from their own state.
 */
export function MemberPart(props: MemberPartSpec & { vc: ViewContext; state?: MemberState }): Child {
  const { vc, state, variant, perMember, render } = props;
  if (!vc.memberParts) return render(vc, state ?? noMemberState);
  return raw(vc.memberParts.add({ variant, perMember, render }));
}
