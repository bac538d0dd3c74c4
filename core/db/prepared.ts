import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './index.ts';

const statements = new WeakMap<object, Map<string, unknown>>();

/**
 * A hot read built once per database handle and then executed with placeholders, so drizzle does not
 * rebuild its SQL text on every call (that costs more CPU than the round trip itself on a busy page).
 * Inside a transaction the statement is built for that transaction and not kept, so it runs inside it.
 *
 *   const byId = prepared(db, 'users.byId', (d) => d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('users_by_id'));
 *   await byId.execute({ id });
 */
export function prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  if (is(db, PgTransaction)) return build(db);
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}
