import type { Config } from '../../config/index.ts';
import { analyticsRebuildCommand } from './analytics-rebuild.ts';
import { benchSeedCommand } from './bench-seed.ts';
import { demoCommand } from './demo.ts';
import { migrateCommand } from './migrate.ts';
import { searchReindexCommand, searchStatusCommand } from './search.ts';
import { startCommand } from './start.ts';
import { userCreateCommand } from './user-create.ts';

export interface Command {
  /** One or more words: "migrate", "user create". */
  name: string;
  usage: string;
  summary: string;
  run(args: string[], config: Config): Promise<number>;
}

export const commands: Command[] = [startCommand, migrateCommand, userCreateCommand, demoCommand, benchSeedCommand, analyticsRebuildCommand, searchReindexCommand, searchStatusCommand];
