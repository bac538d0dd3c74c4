import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../accounts/schema.ts';
import { normalizeUsername, usernameKey } from '../accounts/service/usernames.ts';
import type { Db } from '../db/index.ts';
import type { RegisteredSearchType } from './plugin-types.ts';
import { MAX_PAGE, type FacetFilter, type SearchQuery } from './query.ts';

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .or(z.literal(''))
  .optional();

/** The /search URL parameters. Everything is optional; unknown parameters are ignored. */
export const searchParamsSchema = z.object({
  q: z.string().max(200).default(''),
  type: z.string().regex(/^[a-z][a-z0-9_]{0,60}$/).or(z.literal('')).optional(),
  category: z.coerce.number().int().positive().or(z.literal('')).optional(),
  tag: z.string().trim().max(100).optional(),
  author: z.string().trim().max(60).optional(),
  from: day,
  to: day,
  sort: z.enum(['relevance', 'date']).or(z.literal('')).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).or(z.literal('')).optional(),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export interface ParsedSearch {
  params: SearchParams;
  /** Raw facet parameters as given (f.<key>, f.<key>.min, f.<key>.max) for re-rendering the form. */
  facetInputs: Record<string, string>;
  facets: FacetFilter[];
  invalid: string[];
}

const FACET_PARAM = /^f\.([a-zA-Z][a-zA-Z0-9_]{0,40})(?:\.(min|max))?$/;

/** Validates the query string; invalid fields are reported by name and left out of the search. */
export function parseSearchParams(input: Record<string, string>, types: RegisteredSearchType[]): ParsedSearch {
  const invalid: string[] = [];
  const params: Record<string, unknown> = {};
  const shape = searchParamsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (input[key] === undefined) continue;
    const parsed = shape[key].safeParse(input[key]);
    if (parsed.success) params[key] = parsed.data;
    else invalid.push(key);
  }
  const base = searchParamsSchema.parse(params);
  const facetInputs: Record<string, string> = {};
  const facets: FacetFilter[] = [];
  const selected = types.find((t) => t.type === base.type);
  for (const [name, value] of Object.entries(input)) {
    const m = FACET_PARAM.exec(name);
    if (!m || value.trim() === '') continue;
    const facet = selected?.facets?.find((f) => f.key === m[1]);
    if (!facet) continue;
    facetInputs[name] = value;
    const op = m[2] === 'min' ? 'gte' : m[2] === 'max' ? 'lte' : 'eq';
    const v = facetValue(facet.kind, value.trim(), op);
    if (v === undefined) invalid.push(name);
    else facets.push({ key: facet.key, op, value: v });
  }
  return { params: base, facetInputs, facets, invalid };
}

function facetValue(kind: string, value: string, op: FacetFilter['op']): string | number | boolean | undefined {
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : undefined;
  if (kind === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'date') {
    const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(t)) return undefined;
    // "to" a day includes the whole day
    return op === 'lte' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? t + 86_399_999 : t;
  }
  return value.length <= 100 ? value : undefined;
}

export async function findAuthorId(db: Db, username: string): Promise<number | null> {
  const key = usernameKey(normalizeUsername(username.replace(/^@/, '')));
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, key)).limit(1);
  return row?.id ?? null;
}

export function toSearchQuery(
  parsed: ParsedSearch,
  extra: { categoryIds: number[]; authorId?: number; pageSize?: number },
): SearchQuery {
  const p = parsed.params;
  return {
    q: p.q.trim(),
    types: p.type ? [p.type] : [],
    categoryIds: extra.categoryIds,
    tag: p.tag || undefined,
    authorId: extra.authorId,
    from: p.from ? new Date(`${p.from}T00:00:00Z`) : undefined,
    to: p.to ? new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000) : undefined,
    facets: parsed.facets,
    sort: p.sort || 'relevance',
    match: 'all',
    page: typeof p.page === 'number' ? p.page : 1,
    pageSize: extra.pageSize ?? 20,
  };
}
