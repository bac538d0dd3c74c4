import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { listedThread, threads } from '../../../core/plugins/api.ts';
import { activeStatuses, conditions, listingKinds, listingStatuses, marketplaceListings, type Listing } from '../schema.ts';
import { PAGE_SIZE, type MarketplaceApi } from '../settings.ts';
import { parseAmount } from './money.ts';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The category view's query string; anything unknown falls back to the default rather than failing the page. */
export const browseQuerySchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(listingKinds).optional()).catch(undefined),
  condition: z.preprocess(blankToUndefined, z.enum(conditions).optional()).catch(undefined),
  status: z.enum([...listingStatuses, 'active', 'all']).catch('active').default('active'),
  minPrice: z.string().trim().max(20).catch('').default(''),
  maxPrice: z.string().trim().max(20).catch('').default(''),
  sort: z.enum(['newest', 'price_asc', 'price_desc']).catch('newest').default('newest'),
  after: z.string().max(60).optional().catch(undefined),
});

export type BrowseQuery = z.infer<typeof browseQuerySchema>;

export interface BrowseRow {
  listing: Listing;
  title: string;
  slug: string;
}

/** What a listing costs for filtering and sorting: give-aways are 0, "price on request" has none. */
const effectivePrice = sql<number | null>`case when ${marketplaceListings.kind} = 'free' then 0 else ${marketplaceListings.priceMinor} end`;
// prices on request sort after every priced listing, in both directions
const ascKey = sql<number>`coalesce(${effectivePrice}, 9007199254740991)`;
const descKey = sql<number>`coalesce(${effectivePrice}, -1)`;

function decodeCursor(after: string | undefined): { value: number; id: number } | null {
  const match = /^(-?\d+):(\d+)$/.exec(after ?? '');
  return match ? { value: Number(match[1]), id: Number(match[2]) } : null;
}

/**
 * One page of a category's listings: filters, then keyset pagination on (sort key, id) — never OFFSET.
 * Only listed threads (not deleted, held, scheduled or unlisted) appear.
 */
export async function browseListings(
  api: MarketplaceApi,
  input: { categoryId: number; query: BrowseQuery; currency: string },
): Promise<{ rows: BrowseRow[]; next: string | null }> {
  const { query } = input;
  const where: (SQL | undefined)[] = [eq(marketplaceListings.categoryId, input.categoryId), listedThread(), isNull(marketplaceListings.heldAt)];
  if (query.status === 'active') where.push(inArray(marketplaceListings.status, [...activeStatuses]));
  else if (query.status !== 'all') where.push(eq(marketplaceListings.status, query.status));
  if (query.kind) where.push(eq(marketplaceListings.kind, query.kind));
  if (query.condition) where.push(eq(marketplaceListings.condition, query.condition));
  const min = query.minPrice ? parseAmount(query.minPrice, input.currency) : null;
  const max = query.maxPrice ? parseAmount(query.maxPrice, input.currency) : null;
  if (min !== null || max !== null) where.push(isNotNull(effectivePrice) as SQL);
  if (min !== null) where.push(gte(effectivePrice, min));
  if (max !== null) where.push(lte(effectivePrice, max));

  const cursor = decodeCursor(query.after);
  let order: SQL[];
  let keyOf: (row: BrowseRow) => number;
  if (query.sort === 'newest') {
    if (cursor) {
      const at = new Date(cursor.value);
      where.push(or(lt(marketplaceListings.createdAt, at), and(eq(marketplaceListings.createdAt, at), lt(marketplaceListings.id, cursor.id))));
    }
    order = [desc(marketplaceListings.createdAt), desc(marketplaceListings.id)];
    keyOf = (row) => row.listing.createdAt.getTime();
  } else if (query.sort === 'price_asc') {
    if (cursor) where.push(sql`(${ascKey}, ${marketplaceListings.id}) > (${cursor.value}, ${cursor.id})`);
    order = [asc(ascKey), asc(marketplaceListings.id)];
    keyOf = (row) => (row.listing.kind === 'free' ? 0 : row.listing.priceMinor ?? Number.MAX_SAFE_INTEGER);
  } else {
    if (cursor) where.push(sql`(${descKey}, ${marketplaceListings.id}) < (${cursor.value}, ${cursor.id})`);
    order = [desc(descKey), desc(marketplaceListings.id)];
    keyOf = (row) => (row.listing.kind === 'free' ? 0 : row.listing.priceMinor ?? -1);
  }

  const found = await api.db
    .select({ listing: marketplaceListings, title: threads.title, slug: threads.slug })
    .from(marketplaceListings)
    .innerJoin(threads, eq(threads.id, marketplaceListings.threadId))
    .where(and(...where))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1);
  const rows = found.slice(0, PAGE_SIZE);
  const last = rows.at(-1);
  return { rows, next: found.length > PAGE_SIZE && last ? `${keyOf(last)}:${last.listing.id}` : null };
}
