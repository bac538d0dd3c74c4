import { count } from 'drizzle-orm';
import type { User } from '../../accounts/index.ts';
import type { Db } from '../../db/index.ts';
import { HookBus } from '../../plugins/hooks.ts';
import { getSiteSettings, updateSiteSettings } from '../../site/settings.ts';
import { threads, type Category } from '../schema.ts';
import { createCategory } from '../service/categories.ts';
import { createPost } from '../service/create-post.ts';
import { createThread } from '../service/create-thread.ts';
import { toggleLike } from '../service/likes.ts';
import { setThreadFlags } from '../service/moderate-thread.ts';
import { demoCategories, demoMembers } from './data/community.ts';
import { enThreads } from './data/threads-en.ts';
import { zhThreads } from './data/threads-zh.ts';
import { ensureMembers, type DemoAccount } from './members.ts';
import { applyDemoViews } from './views.ts';
import type { DemoThread } from './types.ts';

export const DEMO_PASSWORD = 'community-demo';

export class DemoRefused extends Error {}

export interface DemoOptions {
  /** Where "now" is: content is dated over the weeks before it. */
  now?: Date;
  password?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  categories: Category[];
  members: { username: string; displayName: string; role: string; created: boolean }[];
  threads: number;
  posts: number;
  likes: number;
  password: string;
  /** True when the demo also finished the setup wizard's job. */
  completedSetup: boolean;
}

const HOUR = 3_600_000;

/**
 * Fills an empty forum with a bilingual demo community, through the same services members use so
 * every counter, slug and rendered post is right. Refuses a forum that already has threads.
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const [existing] = await db.select({ n: count() }).from(threads);
  if ((existing?.n ?? 0) > 0) throw new DemoRefused('This forum already has threads: the demo only loads into an empty forum.');
  const now = options.now ?? new Date();
  const password = options.password ?? DEMO_PASSWORD;
  const hooks = new HookBus();
  const all = [...zhThreads, ...enThreads].sort((a, b) => b.daysAgo - a.daysAgo);
  const total = demoCategories.length + demoMembers.length + all.length;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);

  const categories = new Map<string, Category>();
  for (const { slug, parent, ...input } of demoCategories) {
    categories.set(slug, await createCategory(db, { ...input, slug, parentId: parent ? categories.get(parent)!.id : null }));
    step();
  }
  const accounts = await ensureMembers(db, demoMembers, password);
  done += demoMembers.length;
  options.onProgress?.(done, total);

  const users = [...accounts.values()].map((a) => a.user);
  let posts = 0;
  let likes = 0;
  for (const [index, t] of all.entries()) {
    const result = await loadThread(db, hooks, t, index, { accounts, categories, users, now });
    posts += result.posts;
    likes += result.likes;
    step();
  }
  await applyDemoViews(db);

  const settings = await getSiteSettings(db);
  const completedSetup = !settings.setupComplete;
  if (completedSetup) {
    // the full set: a partial patch would put the other settings back to their defaults
    await updateSiteSettings(db, { ...settings, forumName: '社区 Community', setupComplete: true, setupToken: null });
  }
  return {
    categories: [...categories.values()],
    members: [...accounts.values()].map(({ user, created }) => ({ username: user.username, displayName: user.displayName, role: user.role, created })),
    threads: all.length,
    posts,
    likes,
    password,
    completedSetup,
  };
}

interface Cast {
  accounts: Map<string, DemoAccount>;
  categories: Map<string, Category>;
  users: User[];
  now: Date;
}

async function loadThread(db: Db, hooks: HookBus, t: DemoThread, index: number, cast: Cast): Promise<{ posts: number; likes: number }> {
  const who = (username: string) => cast.accounts.get(username)!.user;
  const author = who(t.author);
  const start = new Date(cast.now.getTime() - t.daysAgo * 24 * HOUR - (index % 7) * 37 * 60_000);
  const ctx = (user: User, at: Date) => ({ db, hooks, user, at });
  const { thread, post: first } = await createThread(
    { ...ctx(author, start), restrictTags: false },
    { categoryId: cast.categories.get(t.category)!.id, title: t.title, raw: t.raw, tags: t.tags ?? [], source: t.source ?? '' },
  );
  let likes = await likeBy(db, hooks, first.id, author, t.likes ?? 0, index, cast, start);
  const latest = cast.now.getTime() - 10 * 60_000;
  for (const [i, r] of (t.replies ?? []).entries()) {
    const at = new Date(Math.min(start.getTime() + (i + 1) * (3 + (index % 5)) * HOUR, latest - ((t.replies?.length ?? 0) - i) * 60_000));
    const quote = r.quoteFirst ? `[quote=${author.username} post=${first.id}]\n${t.raw}\n[/quote]\n\n` : '';
    const { post } = await createPost(ctx(who(r.author), at), { threadId: thread.id, raw: quote + r.raw });
    likes += await likeBy(db, hooks, post.id, who(r.author), r.likes ?? 0, index + i, cast, at);
  }
  const staff = cast.accounts.get('moderator')!.user;
  if (t.pinned || t.featured || t.locked) {
    await setThreadFlags({ db, user: staff }, thread.id, { pinned: t.pinned ?? 'none', featured: t.featured ?? false, locked: t.locked ?? false });
  }
  return { posts: 1 + (t.replies?.length ?? 0), likes };
}

/** `n` members other than the author like a post, picked in a fixed rotation so every run is the same. */
async function likeBy(db: Db, hooks: HookBus, postId: number, author: User, n: number, seed: number, cast: Cast, after: Date): Promise<number> {
  const others = cast.users.filter((u) => u.id !== author.id);
  const picked = Array.from({ length: Math.min(n, others.length) }, (_, i) => others[(seed * 5 + i * 3) % others.length]!);
  for (const [i, user] of [...new Set(picked)].entries()) {
    await toggleLike({ db, hooks, user, at: new Date(after.getTime() + (i + 1) * 20 * 60_000) }, postId);
  }
  return new Set(picked).size;
}
