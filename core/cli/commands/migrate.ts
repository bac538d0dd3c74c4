import { openDatabase } from '../../db/index.ts';
import { migrateCore } from '../../db/migrate.ts';
import type { Command } from './index.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'Apply pending database migrations and exit.',
  async run(_args, config) {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      await migrateCore(database);
      console.log(`Migrations applied (${database.kind}).`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
