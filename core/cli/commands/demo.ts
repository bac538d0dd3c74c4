import cliProgress from 'cli-progress';
import { registerGlobals } from '../../bootstrap.ts';
import { openDatabase } from '../../db/index.ts';
import { migrateCore } from '../../db/migrate.ts';
import { DemoRefused, loadDemo, type DemoSummary } from '../../forum/demo/index.ts';
import { ValidationError } from '../../http/validation.ts';
import type { Command } from './index.ts';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo',
  summary: 'Load the demo community (zh-CN and en categories, members, threads).',
  async run(_args, config) {
    registerGlobals();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    const bar = new cliProgress.SingleBar({ format: 'Loading demo [{bar}] {percentage}% {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    let started = false;
    try {
      await migrateCore(database);
      const summary = await loadDemo(database.db, {
        onProgress(done, total) {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      bar.stop();
      report(summary);
      return 0;
    } catch (error) {
      if (started) bar.stop();
      if (error instanceof DemoRefused) {
        console.error(error.message);
        return 1;
      }
      if (error instanceof ValidationError) {
        console.error(`The demo data was refused: ${JSON.stringify(error.fields)}`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};

function report(s: DemoSummary): void {
  const lines = [
    '',
    `Created ${s.categories.length} categories, ${s.threads} threads, ${s.posts} posts and ${s.likes} likes.`,
    '',
    'Demo accounts:',
    ...s.members.map((m) => `  ${pad(m.username, 12)} ${pad(m.displayName, 14)} ${pad(m.role, 10)} ${m.created ? `password: ${s.password}` : '(existing account, password unchanged)'}`),
    '',
    s.completedSetup ? 'Setup is marked complete (forum name "社区 Community").' : 'Setup was already complete; site settings were left as they were.',
    'Start the forum with `npx forum start` and log in as "admin" (administrator) or "moderator".',
  ];
  console.log(lines.join('\n'));
}

/** Pads to a terminal width, counting CJK characters as two columns. */
function pad(text: string, width: number): string {
  const used = [...text].reduce((n, ch) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - used));
}
