import type { Context } from 'hono';
import type { User } from '../accounts/schema.ts';
import type { Locale, Translator } from '../i18n/index.ts';
import type { SiteSettings } from '../site/settings.ts';
import type { SlotRegistry } from '../plugins/slots.tsx';
import { assetUrl } from './assets.ts';
import type { MemberStanding } from '../moderation/standing.ts';
import type { MemberPartRecorder } from './member-parts.tsx';

/** Everything a view needs about the request, passed explicitly so views stay plain functions. */
export interface ViewContext {
  t: Translator['t'];
  tr: Translator;
  locale: Locale;
  user: User | null;
  csrfToken: string;
  site: SiteSettings;
  path: string;
  /** The full URL of this page, for canonical links and feeds. */
  origin: string;
  isHtmx: boolean;
  asset: (file: string) => string;
  /** Unread notifications of the signed-in member (0 for guests and fragments). */
  unreadNotifications: number;
  /** Conversations with unread private messages (0 for guests and fragments). */
  unreadConversations: number;
  /** Plugin UI entries; rendered by <Slot>. */
  slots?: SlotRegistry;
  /** A silence or pending rules the signed-in member is told about on every page (core/moderation). */
  standing?: MemberStanding | null;
  /** Set while a page is rendered as a template shared by a class of members (core/http/member-pages). */
  memberParts?: MemberPartRecorder;
}

const made = new WeakMap<Context, ViewContext>();

/**
 * The request's view context: the same object for every call while nothing it holds has changed (plugins
 * key per-request data on it, e.g. what a slot preloaded), a new one after, say, a sign-in mid-request.
 */
export function viewContext(c: Context): ViewContext {
  const fresh = buildViewContext(c);
  const known = made.get(c);
  if (known && sameView(known, fresh)) return known;
  made.set(c, fresh);
  return fresh;
}

function sameView(a: ViewContext, b: ViewContext): boolean {
  for (const key of Object.keys(b) as (keyof ViewContext)[]) if (a[key] !== b[key]) return false;
  return true;
}

function buildViewContext(c: Context): ViewContext {
  const tr = c.get('t');
  return {
    t: tr.t,
    tr,
    locale: c.get('locale'),
    user: c.get('user'),
    csrfToken: c.get('csrfToken'),
    site: c.get('site'),
    path: c.req.path,
    origin: c.get('deps').origin,
    isHtmx: c.req.header('hx-request') === 'true',
    asset: assetUrl,
    slots: c.get('deps').plugins.slots,
    unreadNotifications: c.get('unreadNotifications') ?? 0,
    unreadConversations: c.get('unreadConversations') ?? 0,
    standing: c.get('standing') ?? null,
  };
}

export function isStaff(user: Pick<User, 'role'> | null): boolean {
  return user?.role === 'admin' || user?.role === 'moderator';
}
