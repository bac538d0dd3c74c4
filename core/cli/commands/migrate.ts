import { openDatabase } from '../../db/index.ts';
import { migrateCore } from '../../db/migrate.ts';
import { discoverPlugins } from '../../plugins/discover.ts';
import { migratePlugin } from '../../plugins/migrations.ts';
import type { Command } from './index.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'Apply pending database migrations (core and every plugin) and exit.',
  async run(_args, config) {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      await migrateCore(database);
      // the same plugins the server would load, so a migration run ahead of a restart leaves it nothing to do
      const plugins = (await discoverPlugins()).filter((plugin) => plugin.migrations);
      for (const plugin of plugins) await migratePlugin(database, plugin);
      console.log(`Migrations applied (${database.kind}): core and ${plugins.map((p) => p.id).join(', ') || 'no plugins'}.`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
