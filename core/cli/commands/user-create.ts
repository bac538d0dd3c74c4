import { parseArgs } from 'node:util';
import { createUser } from '../../accounts/service/users.ts';
import { openDatabase } from '../../db/index.ts';
import { migrateCore } from '../../db/migrate.ts';
import { ValidationError } from '../../http/validation.ts';
import { createTranslator } from '../../i18n/index.ts';
import { registerGlobals } from '../../bootstrap.ts';
import { CliUsageError } from '../main.ts';
import type { Command } from './index.ts';

export const userCreateCommand: Command = {
  name: 'user create',
  usage: 'user create --username U --email E --password P [--admin|--moderator]',
  summary: 'Create a member account.',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        admin: { type: 'boolean', default: false },
        moderator: { type: 'boolean', default: false },
      },
    });
    if (!values.username || !values.email || !values.password) {
      throw new CliUsageError('--username, --email and --password are required.');
    }
    registerGlobals();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      await migrateCore(database);
      const user = await createUser(database.db, {
        username: values.username,
        email: values.email,
        password: values.password,
        role: values.admin ? 'admin' : values.moderator ? 'moderator' : 'member',
      });
      console.log(`Created ${user.role} "${user.username}" (id ${user.id}).`);
      return 0;
    } catch (error) {
      if (error instanceof ValidationError) {
        const { t } = createTranslator('en');
        for (const [field, key] of Object.entries(error.fields)) console.error(`${field}: ${t(key)}`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
