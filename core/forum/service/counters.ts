import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `column + delta` evaluated by the database, so concurrent writers never lose an update; never below zero. */
export function add(column: AnyColumn, delta: number): SQL<number> {
  return delta >= 0 ? sql<number>`${column} + ${delta}` : sql<number>`greatest(${column} + ${delta}, 0)`;
}
