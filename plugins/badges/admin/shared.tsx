import { or, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { formValues, users, viewContext, type User, type ViewContext } from '../../../core/plugins/api.ts';
import type { DbOrTx } from '../service/tx.ts';
import { paths } from '../paths.ts';

export async function adminForm(c: Context): Promise<Record<string, string>> {
  const values = await formValues(c);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = Array.isArray(v) ? (v[0] ?? '') : v;
  return out;
}

export const adminVc = (c: Context): ViewContext => viewContext(c);

/** A member by the name an admin typed (with or without the @). */
export async function memberByName(db: DbOrTx, name: string): Promise<User | null> {
  const clean = name.trim().replace(/^@/, '').toLowerCase();
  if (!clean) return null;
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(users.usernameKey, clean), eq(sql`lower(${users.username})`, clean)))
    .limit(1);
  return user ?? null;
}

/** Links between the plugin's admin pages. */
export const AdminTabs: FC<{ vc: ViewContext; current: 'levels' | 'badges' | 'rewards' | 'points' }> = ({ vc, current }) => (
  <nav class="tabs" aria-label={vc.t('badges.name')}>
    {(['levels', 'badges', 'rewards', 'points'] as const).map((p) => (
      <a href={paths.admin(p)} aria-current={p === current ? 'page' : undefined}>
        {vc.t(`badges.admin.${p}`)}
      </a>
    ))}
    <a href={paths.redemptions}>{vc.t('badges.redemptions.heading')}</a>
    <a href="/admin/plugins">{vc.t('badges.admin.rules')}</a>
  </nav>
);

export type AdminNotice = { key: string; params?: Record<string, string | number>; error?: boolean } | null;

/** Reads a notice back from the query string after a redirect. */
export function noticeFrom(c: Context, known: Record<string, AdminNotice>): AdminNotice {
  return known[c.req.query('notice') ?? ''] ?? null;
}

/** Postgres unique violation, on either driver (the error or its cause). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown } | null;
  if (!e) return false;
  return e.code === '23505' || (e.cause !== undefined && e.cause !== error && isUniqueViolation(e.cause));
}
