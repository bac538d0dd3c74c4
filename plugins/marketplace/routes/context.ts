import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { categories, UserError, viewContext, type Category, type PluginEnv, type ScopedThread, type User, type ViewContext } from '../../../core/plugins/api.ts';
import type { MarketplaceApi, MarketplaceSettings } from '../settings.ts';

export type MarketContext = Context<PluginEnv<MarketplaceSettings>>;

export function vcOf(c: MarketContext): ViewContext {
  return viewContext(c as unknown as Context);
}

export function scopedThread(c: MarketContext): ScopedThread {
  const thread = c.get('plugin').thread;
  if (!thread) throw new UserError(404, 'error.404.body');
  return thread;
}

export function signedIn(c: MarketContext): User {
  const user = c.get('user');
  if (!user) throw new UserError(403, 'forum.loginRequired');
  return user;
}

/** The category of a /c/:categoryId route (api.scope.category() has checked it is readable and enabled). */
export async function scopedCategory(api: MarketplaceApi, c: MarketContext): Promise<Category> {
  const [row] = await api.db.select().from(categories).where(eq(categories.id, Number(c.req.param('categoryId')))).limit(1);
  if (!row) throw new UserError(404, 'error.404.body');
  return row;
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Files of a multipart field (empty file inputs arrive as a zero-byte File and are ignored). */
export async function filesOf(c: MarketContext, field: string): Promise<File[]> {
  const body = await c.req.parseBody({ all: true });
  const value = body[field];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is File => v instanceof File && v.size > 0);
}

export async function stringsOf(c: MarketContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
