import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../core/plugins/api.ts';
import { marketplaceListings, marketplaceStatusChanges } from '../schema.ts';

export interface ListingStats {
  /** Listings created in the range. */
  listings: number;
  /** Of those, the ones now sold or closed. */
  sold: number;
  /** Of those, the ones available or reserved at the end of the range (from the status history). */
  activeAtEnd: number;
}

/**
 * Listings created in [start, end), optionally in one category: one query on the category/created index.
 * A listing's status at `end` is the last change before it (marketplace_status_changes), or 'available' (every
 * listing starts so) when none happened yet.
 */
export async function listingStats(db: Db, range: { start: Date; end: Date; categoryId?: number | null }): Promise<ListingStats> {
  const end = range.end.toISOString();
  const statusAtEnd = sql`coalesce((
    select ${marketplaceStatusChanges.toStatus} from ${marketplaceStatusChanges}
    where ${marketplaceStatusChanges.listingId} = ${marketplaceListings.id} and ${marketplaceStatusChanges.at} < ${end}::timestamptz
    order by ${marketplaceStatusChanges.at} desc, ${marketplaceStatusChanges.id} desc limit 1), 'available')`;
  const [row] = await db
    .select({
      listings: sql<number>`count(*)::int`,
      sold: sql<number>`count(*) filter (where ${marketplaceListings.status} in ('sold', 'closed'))::int`,
      activeAtEnd: sql<number>`count(*) filter (where ${statusAtEnd} in ('available', 'reserved'))::int`,
    })
    .from(marketplaceListings)
    .where(
      and(
        gte(marketplaceListings.createdAt, range.start),
        lt(marketplaceListings.createdAt, range.end),
        range.categoryId ? eq(marketplaceListings.categoryId, range.categoryId) : undefined,
      ),
    );
  return { listings: Number(row?.listings ?? 0), sold: Number(row?.sold ?? 0), activeAtEnd: Number(row?.activeAtEnd ?? 0) };
}

/** Listings created per day of the range in the forum's time zone, every day present. */
export async function listingsPerDay(
  db: Db,
  range: { start: Date; end: Date; timeZone: string; days: readonly string[]; categoryId?: number | null },
): Promise<{ day: string; value: number }[]> {
  const day = sql<string>`to_char(${marketplaceListings.createdAt} at time zone ${range.timeZone}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, value: sql<number>`count(*)::int` })
    .from(marketplaceListings)
    .where(
      and(
        gte(marketplaceListings.createdAt, range.start),
        lt(marketplaceListings.createdAt, range.end),
        range.categoryId ? eq(marketplaceListings.categoryId, range.categoryId) : undefined,
      ),
    )
    .groupBy(sql`1`);
  const byDay = new Map(rows.map((r) => [r.day, Number(r.value)]));
  return range.days.map((d) => ({ day: d, value: byDay.get(d) ?? 0 }));
}
