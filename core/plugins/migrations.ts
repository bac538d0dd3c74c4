import type { Database } from '../db/index.ts';
import { PluginError } from './errors.ts';
import type { PluginDefinition } from './manifest.ts';

/** Each plugin keeps its own migration history, so plugins upgrade independently of core and of each other. */
export function pluginMigrationsTable(id: string): string {
  return `__plugin_${id.replace(/-/g, '_')}_migrations`;
}

const PLUGIN_MIGRATION_LOCK_ID = 726_351_002;

export async function migratePlugin(database: Database, definition: PluginDefinition): Promise<void> {
  const options = {
    migrationsFolder: definition.migrations!,
    migrationsTable: pluginMigrationsTable(definition.id),
    migrationsSchema: 'drizzle',
  };
  try {
    await database.withAdvisoryLock(PLUGIN_MIGRATION_LOCK_ID, async () => {
      if (database.kind === 'pglite') {
        const { migrate } = await import('drizzle-orm/pglite/migrator');
        await migrate(database.db as never, options);
      } else {
        const { migrate } = await import('drizzle-orm/postgres-js/migrator');
        await migrate(database.db as never, options);
      }
    });
  } catch (error) {
    throw new PluginError('PLUGIN_MIGRATION_FAILED', definition.id, { detail: String((error as Error).message ?? error) });
  }
}
