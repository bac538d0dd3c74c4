import { PGlite, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { clientForDrizzle, pgliteDefaultParsers } from '../../core/db/pglite-parsers.ts';

describe('the PGlite client handed to drizzle', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create();
    await client.exec(`create table stamps (id int primary key, at timestamptz not null, day date not null, tags text[] not null)`);
    await client.exec(`insert into stamps values (1, '2026-11-24 08:00:00+00', '2026-11-24', '{a,b}')`);
  });
  afterAll(() => client.close());

  it('gives drizzle what it asked for: dates as drizzle maps them, arrays parsed', async () => {
    const { pgTable, integer, timestamp, date, text } = await import('drizzle-orm/pg-core');
    const stamps = pgTable('stamps', {
      id: integer('id').primaryKey(),
      at: timestamp('at', { withTimezone: true }).notNull(),
      day: date('day').notNull(),
      tags: text('tags').array().notNull(),
    });
    const db = drizzle(clientForDrizzle(client));
    const query = vi.spyOn(client, 'query');
    const [row] = await db.select().from(stamps);
    // drizzle's own per-query parsers never reach PGlite, which would copy all ~300 of its parsers for them
    expect(query.mock.calls[0]![2]).toMatchObject({ rowMode: 'array', parsers: undefined });
    query.mockRestore();
    expect(row!.at).toBeInstanceOf(Date);
    expect(row!.at.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(row!.day).toBe('2026-11-24');
    expect(row!.tags).toEqual(['a', 'b']);
    // inside a transaction too
    const inTx = await db.transaction((tx) => tx.select().from(stamps));
    expect(inTx[0]!.at.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    const [raw] = (await db.execute(sql`select at from stamps`)).rows as { at: unknown }[];
    expect(typeof raw!.at).toBe('string');
  });

  it('lets other callers have PGlite’s own parsing back, and passes parsers it does not know through', async () => {
    const defaults = pgliteDefaultParsers(client);
    const own = await client.query<{ at: unknown }>('select at from stamps', [], { parsers: defaults });
    expect(own.rows[0]!.at).toBeInstanceOf(Date);
    const proxied = clientForDrizzle(client);
    const custom = await proxied.query<{ at: unknown }>('select at from stamps', [], { parsers: { [types.TIMESTAMPTZ]: () => 'custom' } });
    expect(custom.rows[0]!.at).toBe('custom');
  });
});
