import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { registerGlobals } from '../../bootstrap.ts';
import { seedBenchmarkForum } from '../../bench/seed.ts';
import { openDatabase } from '../../db/index.ts';
import { migrateCore } from '../../db/migrate.ts';
import { CliUsageError } from '../main.ts';
import type { Command } from './index.ts';

export const benchSeedCommand: Command = {
  name: 'bench seed',
  usage: 'bench seed --posts <N> [--long-thread <replies>]',
  summary: 'Fill an empty database with benchmark data (members, threads, posts, likes, tags).',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { posts: { type: 'string' }, 'long-thread': { type: 'string' } } });
    const posts = Number(values.posts);
    if (!Number.isInteger(posts) || posts < 100) throw new CliUsageError('--posts must be a whole number of at least 100.');
    const longThread = values['long-thread'] === undefined ? undefined : Number(values['long-thread']);
    if (longThread !== undefined && (!Number.isInteger(longThread) || longThread < 0)) throw new CliUsageError('--long-thread must be a whole number.');
    registerGlobals();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    const bar = new cliProgress.SingleBar({ format: 'Seeding [{bar}] {value}/{total} {step}', hideCursor: true }, cliProgress.Presets.shades_classic);
    try {
      await migrateCore(database);
      bar.start(7, 0, { step: '' });
      const summary = await seedBenchmarkForum(database, {
        posts,
        longThreadReplies: longThread,
        onProgress: (step, done) => bar.update(done, { step }),
      });
      bar.update(7, { step: 'done' });
      bar.stop();
      console.log(
        `Seeded ${summary.members} members, ${summary.categories} categories, ${summary.threads} threads, ${summary.posts} posts and ${summary.likes} likes in ${summary.seconds.toFixed(1)} s.\n` +
          `Long thread: /t/${summary.longThreadId} (${summary.longThreadPages} pages). Members sign in as bench1…bench${summary.members} (admin: bench1).`,
      );
      return 0;
    } catch (error) {
      bar.stop();
      throw error;
    } finally {
      await database.close();
    }
  },
};
