import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './index.ts';

export const coreMigrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Arbitrary, fixed: every instance takes the same lock so migrations never run twice at once. */
const MIGRATION_LOCK_ID = 726_351_001;

export async function migrateCore(database: Database): Promise<void> {
  await database.withAdvisoryLock(MIGRATION_LOCK_ID, async () => {
    if (database.kind === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(database.db as never, { migrationsFolder: coreMigrationsFolder });
    } else {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(database.db as never, { migrationsFolder: coreMigrationsFolder });
    }
  });
}
