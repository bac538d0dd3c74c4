import { types, type PGlite } from '@electric-sql/pglite';

type Parser = (value: string, typeId?: number) => unknown;
type Parsers = Record<number, Parser>;
type QueryOptions = { parsers?: Parsers } & Record<string, unknown>;

/**
 * The types drizzle-orm/pglite asks PGlite to leave as text on every query (its column mappers parse
 * them): timestamp, timestamptz, interval, date, and the arrays numeric[], timestamp[], timestamptz[],
 * interval[], date[]. The same list as drizzle's PglitePreparedQuery.
 */
const DRIZZLE_TEXT_TYPES: readonly number[] = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const asText: Parser = (value) => value;

const defaultsByClient = new WeakMap<PGlite, Parsers>();
const checked = new WeakMap<object, boolean>();

/**
 * PGlite keeps one parser per type in the database, and every table adds two (its row type and that
 * type's array): about 450 in this forum. A query that brings its own parsers makes PGlite copy them all
 * into a new object first, and drizzle brings its own on every query: 280 µs a query, measured, more than
 * the query itself. So drizzle's choice is made once, on the client, and the client handed to drizzle
 * drops drizzle's per-query parsers (only while they are exactly that choice: anything else passes
 * through unchanged). Other users of the client who want PGlite's own parsing pass `pgliteDefaultParsers`.
 */
export function clientForDrizzle(client: PGlite): PGlite {
  if (!defaultsByClient.has(client)) {
    const parsers = (client as unknown as { parsers: Parsers }).parsers;
    const defaults: Parsers = {};
    for (const type of DRIZZLE_TEXT_TYPES) {
      const parser = parsers[type];
      if (parser) defaults[type] = parser;
      parsers[type] = asText;
    }
    defaultsByClient.set(client, defaults);
  }

  const withoutDrizzleParsers = (options: QueryOptions | undefined): QueryOptions | undefined =>
    options?.parsers && isDrizzleChoice(options.parsers) ? { ...options, parsers: undefined } : options;
  const query =
    (target: Pick<PGlite, 'query'>) =>
    (text: string, params?: unknown[], options?: QueryOptions) =>
      target.query(text, params, withoutDrizzleParsers(options));
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query(target);
      if (property === 'transaction') {
        return (work: (tx: unknown) => Promise<unknown>) =>
          target.transaction((tx) => work(new Proxy(tx, { get: (t, p) => (p === 'query' ? query(t) : bound(t, p)) })));
      }
      return bound(target, property);
    },
  });
}

/** What PGlite itself parses the types drizzle keeps as text into (Date objects …), for other callers. */
export function pgliteDefaultParsers(client: unknown): Parsers | undefined {
  return defaultsByClient.get(client as PGlite);
}

function isDrizzleChoice(parsers: Parsers): boolean {
  let known = checked.get(parsers);
  if (known === undefined) {
    const keys = Object.keys(parsers).map(Number);
    known = keys.length === DRIZZLE_TEXT_TYPES.length && keys.every((key) => DRIZZLE_TEXT_TYPES.includes(key) && parsers[key]!('x') === 'x');
    checked.set(parsers, known);
  }
  return known;
}

/** PGlite's methods use private fields: they must run on the real object, not on the proxy. */
function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
